package org.fmmbench.baselines.copy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.SoftmaxAttention;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.baselines.lm.PostLnDecoderLayer;
import org.fmmbench.baselines.lm.SinusoidalPositions;
import org.fmmbench.baselines.model.ParameterCount;
import org.fmmbench.baselines.model.TorchDefaults;

/**
 * The causal copy task's model, laid out as the official {@code causal-copy} model:
 * <pre>
 *   h = [E[tokens] | positions]            a d/2 embedding (N(0, 1), PyTorch's default) beside a d/2 sinusoidal code
 *   h = layer_l(h) for l = 1..L            {@link PostLnDecoderLayer}, post-LN, PyTorch-default linear layers
 *   log p(next token) = log_softmax(W · LN(h) + b)
 * </pre>
 * Forward input: tokens (B, N); output: log-probabilities (B, N, vocab). Trained as the WikiText-103 LM instead
 * (√d-scaled N(0, 0.02) table added to the positions, tied output, N(0, 0.02) layers), a small model stayed on the
 * symbol-frequency plateau where this one learns to copy within a few hundred steps (docs/experiments.md).
 */
public final class CopyTransformer extends AbstractBlock {
    private final LmConfig config;
    private final Parameter embedding;
    private final List<PostLnDecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear predictor;

    /**
     * @param config vocabulary, sizes, dropout and context (maximum length); cutoffs and positions are not used
     * @param attention makes one causal attention block per layer
     */
    public CopyTransformer(LmConfig config, Function<AttentionSettings, Attention> attention) {
        super((byte) 1);
        if (config.modelDim() % 2 != 0) {
            throw new IllegalArgumentException("the copy model splits d_model into embedding and position halves: "
                    + "d_model must be even, got " + config.modelDim());
        }
        this.config = config;
        this.embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.modelDim() / 2))
                .optInitializer(new NormalInitializer(1f)).build());
        AttentionSettings settings = AttentionSettings.causal(config.heads(), config.headDim());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new PostLnDecoderLayer(config, attention.apply(settings),
                    PostLnDecoderLayer.LinearInit.TORCH_DEFAULT)));
        }
        this.finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        this.predictor = addChildBlock("predictor", TorchDefaults.linear(config.modelDim(), config.vocabSize()));
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return ParameterCount.of(this);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = embed(store, inputs.singletonOrThrow(), training);
        for (PostLnDecoderLayer layer : layers) {
            h = layer.forward(store, new NDList(h), training).singletonOrThrow();
        }
        return new NDList(logits(store, h, training).logSoftmax(-1));
    }

    /** Input of the first layer, tokens (B, N) → (B, N, d): the embedding half beside the position half. */
    public NDArray embed(ParameterStore store, NDArray tokens, boolean training) {
        int b = Math.toIntExact(tokens.getShape().get(0));
        int n = Math.toIntExact(tokens.getShape().get(1));
        if (n > config.context()) {
            throw new IllegalArgumentException("row of " + n + " tokens is longer than the model's length "
                    + config.context());
        }
        int half = config.modelDim() / 2;
        NDArray table = store.getValue(embedding, tokens.getDevice(), training);
        NDArray ids = tokens.getDataType() == DataType.INT64 ? tokens : tokens.toType(DataType.INT64, false);
        NDArray e = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray pos = tokens.getManager().create(SinusoidalPositions.streamTable(new long[b], n, half),
                new Shape(b, n, half));
        return e.concat(pos, 2);
    }

    /**
     * Each layer's attention matrix for tokens (B, N): one (B, H, N, N) array per layer, without dropout.
     *
     * @throws IllegalArgumentException when a layer's attention is not {@link SoftmaxAttention} (only softmax
     *     attention has an N × N matrix to read)
     */
    public List<NDArray> attentionMaps(ParameterStore store, NDArray tokens) {
        List<NDArray> maps = new ArrayList<>();
        NDArray h = embed(store, tokens, false);
        for (PostLnDecoderLayer layer : layers) {
            if (!(layer.attention() instanceof SoftmaxAttention softmax)) {
                throw new IllegalArgumentException("attention maps need softmax attention, but a layer has "
                        + layer.attention());
            }
            NDList qkv = layer.queriesKeysValues(store, h, false);
            maps.add(softmax.probabilities(qkv.get(0), qkv.get(1), null));
            h = layer.forward(store, new NDList(h), false).singletonOrThrow();
        }
        return maps;
    }

    private NDArray logits(ParameterStore store, NDArray h, boolean training) {
        NDArray normed = finalNorm.forward(store, new NDList(h), training).singletonOrThrow();
        return predictor.forward(store, new NDList(normed), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0].add(config.modelDim());
        for (PostLnDecoderLayer layer : layers) {
            layer.initialize(manager, dataType, x);
        }
        finalNorm.initialize(manager, dataType, x);
        predictor.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabSize())};
    }
}
