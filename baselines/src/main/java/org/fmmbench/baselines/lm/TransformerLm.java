package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * The paper's WikiText-103 language model, causal, with a pluggable attention variant:
 * <pre>
 *   h = dropout(√d · E[tokens] + positions)            one table E, Transformer-XL reversed positions
 *   h = layer_l(h) for l = 1..L                         {@link PostLnDecoderLayer}, post-LN
 *   log p(next token) = AdaptiveSoftmax(dropout(h))     tied to E
 * </pre>
 * Forward input: tokens (B, N) and targets (B, N) (integer ids); output: log p(target) (B, N). The training
 * loss is the mean of the negated output.
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
        long total = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            total += p.getValue().getArray().size();
        }
        return total;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        NDArray targets = inputs.get(1);
        NDArray h = hidden(store, tokens, training);
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
        NDArray h = hidden(store, tokens, training);
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

    /** Final hidden states after the output dropout: tokens (B, N) → (B, N, d). */
    public NDArray hidden(ParameterStore store, NDArray tokens, boolean training) {
        long n = tokens.getShape().get(1);
        if (n > config.context()) {
            // Positions beyond the trained context would be new to the model; refuse rather than extrapolate.
            throw new IllegalArgumentException("segment of " + n + " tokens is longer than the model's context "
                    + config.context());
        }
        NDArray e = embedding.forward(store, new NDList(tokens), training).singletonOrThrow();
        NDArray pos = tokens.getManager().create(SinusoidalPositions.table((int) n, config.modelDim()),
                new Shape(n, config.modelDim()));
        NDArray h = inputDropout.forward(store, new NDList(e.add(pos)), training).singletonOrThrow();
        for (PostLnDecoderLayer layer : layers) {
            h = layer.forward(store, new NDList(h), training).singletonOrThrow();
        }
        return outputDropout.forward(store, new NDList(h), training).singletonOrThrow();
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
