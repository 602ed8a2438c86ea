package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fmmbench.baselines.attention.AttentionState;
import org.fmmbench.baselines.attention.RecurrentAttention;

/**
 * Scores a token stream in one pass, {@code chunk} tokens per forward pass, each token processed once: every
 * layer's attention carries its state from chunk to chunk ({@link RecurrentAttention}: a band's last k − 1 keys and
 * values, a linear far field's sums). Cost O(L) for a stream of L tokens, against O(L · window) for the stride-1
 * windowed evaluation.
 *
 * <p>What it computes: exactly one causal forward pass over the whole stream (up to float rounding, whatever the
 * chunk size), so every token conditions on <em>all</em> earlier tokens — the unbounded-context, recurrent
 * evaluation. It equals {@link SlidingWindowEvaluator} when a window covers the stream; for longer streams it
 * differs wherever a model with a far field sees further back than the window. (A band-only model sees at most
 * layers·(k − 1) tokens back, so there the two agree whenever window − stride ≥ layers·(k − 1).)
 *
 * <p>Needs {@link PositionScheme#STREAM} positions (with the paper's, every position changes as the stream advances)
 * and a {@link RecurrentAttention} in every layer; softmax attention keeps every key and is refused, see
 * {@link #refusal}.
 */
public final class StatefulEvaluator implements LmEvaluator {
    private final TransformerLm model;
    private final ParameterStore store;
    private final int chunk;

    /**
     * @param chunk tokens per forward pass, any value &gt;= 1 (the result does not depend on it)
     * @throws IllegalArgumentException saying why, when {@link #refusal} is not {@code null}
     */
    public StatefulEvaluator(TransformerLm model, ParameterStore store, int chunk) {
        String refusal = refusal(model);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("stateful evaluation chunk must be >= 1, got " + chunk);
        }
        this.model = model;
        this.store = store;
        this.chunk = chunk;
    }

    /** Why {@code model} cannot be evaluated with carried state, or {@code null} when it can. */
    public static String refusal(TransformerLm model) {
        LmConfig c = model.config();
        if (c.positions() != PositionScheme.STREAM) {
            return "stateful evaluation needs stream positions, but the model uses '" + c.positions().specName()
                    + "' positions (the paper's, counted from the window's end, change at every step): train with "
                    + "positions 'stream' or evaluate windowed";
        }
        if (!model.isRecurrent()) {
            return "attention '" + c.attention() + "' has no finite state (it attends to every earlier key), so "
                    + "it cannot be evaluated with carried state: evaluate windowed";
        }
        return null;
    }

    @Override
    public long evaluate(NDManager manager, long length, TokenReader reader, NllSink sink, Progress progress) {
        long targets = length - 1;
        if (targets <= 0) {
            return 0;
        }
        long total = (targets + chunk - 1) / chunk;
        int d = model.config().modelDim();
        List<AttentionState> states = new ArrayList<>();
        try {
            for (int l = 0; l < model.config().layers(); l++) {
                states.add(new AttentionState(manager));
            }
            int[] buffer = new int[chunk + 1];
            long done = 0;
            for (long start = 0; start < targets; start += chunk) {
                int c = (int) Math.min(chunk, targets - start);
                reader.read(start, buffer, 0, c + 1);
                int[] inputs = Arrays.copyOf(buffer, c);
                int[] next = Arrays.copyOfRange(buffer, 1, c + 1);
                float[] logProbs;
                try (NDManager sm = manager.newSubManager()) {
                    NDArray x = sm.create(inputs, new Shape(1, c));
                    NDArray h = model.hiddenNext(store, x, start, states).reshape(c, d);
                    logProbs = model.output().targetLogProbs(store, h, sm.create(next), false).toFloatArray();
                }
                float[] nll = new float[c];
                for (int i = 0; i < c; i++) {
                    nll[i] = -logProbs[i];
                }
                sink.accept(nll);
                if (progress != null) {
                    progress.update(++done, total);
                }
            }
            return targets;
        } finally {
            states.forEach(AttentionState::close);
        }
    }
}
