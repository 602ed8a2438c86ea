package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * Pre-LayerNorm transformer block of the LRA code.
 *
 * <pre>
 * x = x + dropout(attention(LN1(x), mask))
 * x = x + dropout(W2 · dropout(GELU(W1 · LN2(x))))
 * </pre>
 * Dropout sits where the Nystromformer/FMMformer LRA code puts it: after the attention output, after the GELU
 * and after the second MLP layer. Inputs: {@code x} (B, N, dim) and the key mask (B, N); output (B, N, dim).
 */
public final class EncoderBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNorm attentionNorm;
    private final MultiHeadAttentionBlock attention;
    private final LayerNorm mlpNorm;
    private final Linear hidden;
    private final Linear back;

    public EncoderBlock(EncoderConfig config, VariantRegistry registry) {
        super(VERSION);
        dropout = config.dropout();
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attention", new MultiHeadAttentionBlock(config.dim(), registry,
                config.variant(), config.attentionSettings()));
        mlpNorm = addChildBlock("mlpNorm", LayerNorm.builder().axis(2).build());
        hidden = addChildBlock("hidden", TorchDefaults.linear(config.dim(), config.mlpDim()));
        back = addChildBlock("back", TorchDefaults.linear(config.mlpDim(), config.dim()));
    }

    public MultiHeadAttentionBlock attention() {
        return attention;
    }

    /** This block's attention matrix for its input x (B, N, dim) and key mask (B, N): (B, H, N, N), no dropout. */
    public NDArray attentionMap(ParameterStore store, NDArray x, NDArray mask) {
        NDArray normed = attentionNorm.forward(store, new NDList(x), false).singletonOrThrow();
        return attention.probabilities(store, normed, mask);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray normed = attentionNorm.forward(store, new NDList(x), training).singletonOrThrow();
        NDArray attended = attention.forward(store, new NDList(normed, mask), training).singletonOrThrow();
        x = x.add(drop(attended, training));

        NDArray h = mlpNorm.forward(store, new NDList(x), training).singletonOrThrow();
        h = Activation.gelu(hidden.forward(store, new NDList(h), training).singletonOrThrow());
        h = back.forward(store, new NDList(drop(h, training)), training).singletonOrThrow();
        return new NDList(x.add(drop(h, training)));
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x, inputShapes[1]);
        mlpNorm.initialize(manager, dataType, x);
        hidden.initialize(manager, dataType, x);
        back.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {x})[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
