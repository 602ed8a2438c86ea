package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.AttentionState;
import org.fmmbench.baselines.attention.RecurrentAttention;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.ParameterCount;

/**
 * The paper's WikiText-103 language model, causal, with a pluggable attention variant:
 * <pre>
 *   h = dropout(√d · E[tokens] + positions)            one table E, positions per {@link LmConfig#positions()}
 *   h = layer_l(h) for l = 1..L                         {@link PostLnDecoderLayer}, post-LN
 *   log p(next token) = AdaptiveSoftmax(dropout(h))     tied to E
 * </pre>
 * Forward input: tokens (B, N), targets (B, N) (integer ids) and, for {@link PositionScheme#STREAM} positions,
 * optionally the stream index of each row's first token (B) (absent = 0, the segment is the stream's start);
 * output: log p(target) (B, N). The training loss is the mean of the negated output.
 */
public final class TransformerLm extends AbstractBlock {
    private final LmConfig config;
    private final ScaledEmbedding embedding;
    private final Dropout inputDropout;
    private final List<PostLnDecoderLayer> layers = new ArrayList<>();
    private final Dropout outputDropout;
    private final AdaptiveSoftmax output;

    /**
     * @param attention makes one causal attention block per layer from the settings the model fixes
     *     (heads, head width, causal, attention dropout 0 as in the official LM)
     */
    public TransformerLm(LmConfig config, Function<AttentionSettings, Attention> attention) {
        super((byte) 1);
        this.config = config;
        this.embedding = addChildBlock("embedding", new ScaledEmbedding(config.vocabSize(), config.modelDim()));
        this.inputDropout = addChildBlock("inputDropout", PostLnDecoderLayer.dropout(config.dropout()));
        AttentionSettings settings = AttentionSettings.causal(config.heads(), config.headDim());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new PostLnDecoderLayer(config, attention.apply(settings))));
        }
        this.outputDropout = addChildBlock("outputDropout", PostLnDecoderLayer.dropout(config.dropout()));
        this.output = addChildBlock("output", new AdaptiveSoftmax(embedding.weight(), config.vocabSize(),
                config.modelDim(), config.cutoffs()));
    }

    /** Builds the attention of every layer from {@code config.attention()} through the registry. */
    public static TransformerLm create(LmConfig config, VariantRegistry registry) {
        return new TransformerLm(config, settings -> registry.create(config.attention(), settings));
    }

    public LmConfig config() {
        return config;
    }

    public AdaptiveSoftmax output() {
        return output;
    }

    public List<PostLnDecoderLayer> layers() {
        return List.copyOf(layers);
    }

    /** Number of trainable values, counting the tied embedding once. */
    public long parameterCount() {
        return ParameterCount.of(this);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        NDArray targets = inputs.get(1);
        long[] firstPositions = inputs.size() > 2 ? inputs.get(2).toType(DataType.INT64, false).toLongArray() : null;
        NDArray h = hidden(store, tokens, firstPositions, training);
        long b = h.getShape().get(0);
        long n = h.getShape().get(1);
        NDArray lp = output.targetLogProbs(store, h.reshape(b * n, config.modelDim()), targets.reshape(b * n),
                training);
        return new NDList(lp.reshape(b, n));
    }

    /**
     * log p(target) for the last {@code lastN} positions of each row only: tokens (B, N), targets (B, lastN) →
     * (B, lastN). Evaluation scores a few positions per window, and the output layer is then the cheap part.
     */
    public NDArray lastTargetLogProbs(ParameterStore store, NDArray tokens, NDArray targets, int lastN,
            boolean training) {
        return lastTargetLogProbs(store, tokens, null, targets, lastN, training);
    }

    /**
     * As {@link #lastTargetLogProbs(ParameterStore, NDArray, NDArray, int, boolean)} for rows that start at the
     * given stream indices ({@code null} = 0; used by {@link PositionScheme#STREAM} positions only).
     */
    public NDArray lastTargetLogProbs(ParameterStore store, NDArray tokens, long[] firstPositions, NDArray targets,
            int lastN, boolean training) {
        NDArray h = hidden(store, tokens, firstPositions, training);
        long b = h.getShape().get(0);
        long n = h.getShape().get(1);
        NDArray tail = h.get(new NDIndex(":, {}:, :", n - lastN)).reshape(b * lastN, config.modelDim());
        return output.targetLogProbs(store, tail, targets.reshape(b * lastN), training).reshape(b, lastN);
    }

    /** Log-probabilities of every word at every position: tokens (B, N) → (B, N, vocab). For small vocabularies. */
    public NDArray logProbabilities(ParameterStore store, NDArray tokens, boolean training) {
        NDArray h = hidden(store, tokens, training);
        long b = h.getShape().get(0);
        long n = h.getShape().get(1);
        return output.logProbabilities(store, h.reshape(b * n, config.modelDim()), training)
                .reshape(b, n, config.vocabSize());
    }

    /** Final hidden states after the output dropout: tokens (B, N) → (B, N, d); stream rows start at 0. */
    public NDArray hidden(ParameterStore store, NDArray tokens, boolean training) {
        return hidden(store, tokens, null, training);
    }

    /**
     * Final hidden states after the output dropout: tokens (B, N) → (B, N, d).
     *
     * @param firstPositions stream index of each row's first token, for {@link PositionScheme#STREAM} positions
     *     ({@code null} = every row starts the stream); ignored by the paper's positions
     */
    public NDArray hidden(ParameterStore store, NDArray tokens, long[] firstPositions, boolean training) {
        long n = tokens.getShape().get(1);
        if (n > config.context()) {
            // Positions beyond the trained context would be new to the model; refuse rather than extrapolate.
            throw new IllegalArgumentException("segment of " + n + " tokens is longer than the model's context "
                    + config.context());
        }
        NDArray h = embed(store, tokens, firstPositions, training);
        for (PostLnDecoderLayer layer : layers) {
            h = layer.forward(store, new NDList(h), training).singletonOrThrow();
        }
        return outputDropout.forward(store, new NDList(h), training).singletonOrThrow();
    }

    /**
     * Inference hidden states of the next C tokens of a stream, tokens (B, C) → (B, C, d), with each layer's
     * attention state carried in {@code states} (one per layer, advanced past these tokens). Needs
     * {@link PositionScheme#STREAM} positions and {@link RecurrentAttention} in every layer; see
     * {@link StatefulEvaluator}.
     *
     * @param firstPosition stream index of the first of these tokens
     */
    public NDArray hiddenNext(ParameterStore store, NDArray tokens, long firstPosition, List<AttentionState> states) {
        if (config.positions() != PositionScheme.STREAM) {
            throw new IllegalArgumentException("carrying state needs stream positions, but this model uses "
                    + config.positions().specName() + " positions");
        }
        if (states.size() != layers.size()) {
            throw new IllegalArgumentException("one attention state per layer: got " + states.size() + " for "
                    + layers.size() + " layers");
        }
        long[] starts = new long[Math.toIntExact(tokens.getShape().get(0))];
        Arrays.fill(starts, firstPosition);
        NDArray h = embed(store, tokens, starts, false);
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).forwardNext(store, h, states.get(l));
        }
        return outputDropout.forward(store, new NDList(h), false).singletonOrThrow();
    }

    /** Whether every layer's attention is a {@link RecurrentAttention}. */
    public boolean isRecurrent() {
        return layers.stream().allMatch(l -> l.attention() instanceof RecurrentAttention);
    }

    private NDArray embed(ParameterStore store, NDArray tokens, long[] firstPositions, boolean training) {
        int b = Math.toIntExact(tokens.getShape().get(0));
        int n = Math.toIntExact(tokens.getShape().get(1));
        int d = config.modelDim();
        NDArray e = embedding.forward(store, new NDList(tokens), training).singletonOrThrow();
        NDArray pos;
        if (config.positions() == PositionScheme.STREAM) {
            long[] starts = firstPositions == null ? new long[b] : firstPositions;
            if (starts.length != b) {
                throw new IllegalArgumentException(b + " rows but " + starts.length + " first positions");
            }
            pos = tokens.getManager().create(SinusoidalPositions.streamTable(starts, n, d), new Shape(b, n, d));
        } else {
            pos = tokens.getManager().create(SinusoidalPositions.table(n, d), new Shape(n, d));
        }
        return inputDropout.forward(store, new NDList(e.add(pos)), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        Shape x = tokens.add(config.modelDim());
        embedding.initialize(manager, dataType, tokens);
        inputDropout.initialize(manager, dataType, x);
        for (PostLnDecoderLayer layer : layers) {
            layer.initialize(manager, dataType, x);
        }
        outputDropout.initialize(manager, dataType, x);
        output.initialize(manager, dataType, new Shape(tokens.size(), config.modelDim()), new Shape(tokens.size()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
