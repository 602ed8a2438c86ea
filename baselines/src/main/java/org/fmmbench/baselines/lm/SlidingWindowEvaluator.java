package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * Scores a token stream with a {@link TransformerLm} window by window (see {@link WindowPlan}) and hands the
 * negative log-likelihood (nats) of every scored target, in stream order, to a sink. Windows of equal length
 * run {@code batch} at a time; each batch uses its own NDManager, so memory stays flat over long streams.
 *
 * <p>With the paper's positions (relative to the window's end, see {@link SinusoidalPositions}) every key and value
 * changes when the window moves, so the windowed result can only be obtained by recomputing each window. With
 * {@link PositionScheme#STREAM} positions each window's tokens keep their stream positions; {@link StatefulEvaluator}
 * then runs the recurrent variants once through the stream instead.
 */
public final class SlidingWindowEvaluator implements LmEvaluator {
    /**
     * @param window input tokens per window (256 in the paper; at most the model's context)
     * @param stride targets scored per window after the first (1 in the paper)
     * @param batch windows per forward pass
     */
    public record Settings(int window, int stride, int batch) {
        public Settings {
            WindowPlan.check(window, stride);
            if (batch < 1) {
                throw new IllegalArgumentException("evaluation batch must be >= 1, got " + batch);
            }
        }

        /** The paper's evaluation: stride 1, so each token after the first window sees window − 1 earlier tokens. */
        public static Settings paper(int window, int batch) {
            return new Settings(window, 1, batch);
        }

        /** The cheaper default: stride window/2, each token scored once with at least window/2 tokens of context. */
        public static Settings halfWindow(int window, int batch) {
            return new Settings(window, Math.max(1, window / 2), batch);
        }
    }

    private final TransformerLm model;
    private final ParameterStore store;
    private final Settings settings;

    public SlidingWindowEvaluator(TransformerLm model, ParameterStore store, Settings settings) {
        if (settings.window() > model.config().context()) {
            throw new IllegalArgumentException("evaluation window " + settings.window()
                    + " is longer than the model's context " + model.config().context());
        }
        this.model = model;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public long evaluate(NDManager manager, long length, TokenReader reader, NllSink sink, Progress progress) {
        long total = WindowPlan.count(length, settings.window(), settings.stride());
        long scored = 0;
        for (long w = 0; w < total; ) {
            // The first window may be shorter than the others, so it runs alone.
            long end = w == 0 ? 1 : Math.min(total, w + settings.batch());
            List<WindowPlan.Window> windows = WindowPlan.windows(length, settings.window(), settings.stride(), w, end);
            scored += scoreBatch(manager, windows, reader, sink);
            w = end;
            if (progress != null) {
                progress.update(w, total);
            }
        }
        return scored;
    }

    private long scoreBatch(NDManager parent, List<WindowPlan.Window> windows, TokenReader reader, NllSink sink) {
        int b = windows.size();
        int n = windows.get(0).length();
        int maxScored = 0;
        for (WindowPlan.Window w : windows) {
            maxScored = Math.max(maxScored, w.scored());
        }
        int[] inputs = new int[b * n];
        int[] buffer = new int[n + 1];
        int[] targets = new int[b * maxScored];
        long[] starts = new long[b];
        for (int i = 0; i < b; i++) {
            WindowPlan.Window w = windows.get(i);
            starts[i] = w.start();
            reader.read(w.start(), buffer, 0, n + 1);
            System.arraycopy(buffer, 0, inputs, i * n, n);
            System.arraycopy(buffer, n + 1 - maxScored, targets, i * maxScored, maxScored);
        }
        float[] logProbs;
        try (NDManager sm = parent.newSubManager()) {
            NDArray x = sm.create(inputs, new Shape(b, n));
            NDArray y = sm.create(targets, new Shape(b, maxScored));
            logProbs = model.lastTargetLogProbs(store, x, starts, y, maxScored, false).toFloatArray();
        }
        long count = 0;
        for (int i = 0; i < b; i++) {
            int s = windows.get(i).scored();
            float[] nll = new float[s];
            for (int j = 0; j < s; j++) {
                nll[j] = -logProbs[i * maxScored + maxScored - s + j];
            }
            sink.accept(nll);
            count += s;
        }
        return count;
    }
}
