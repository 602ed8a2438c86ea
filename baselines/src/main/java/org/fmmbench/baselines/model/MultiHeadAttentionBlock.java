package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.SoftmaxAttention;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Self-attention with a pluggable variant: W_q, W_k, W_v (biased), split into heads, the variant, merge, W_o.
 *
 * <p>Input: {@code x} (B, N, dim) and the key mask (B, N), 1 for tokens and 0 for padding. Output (B, N, dim).
 * The variant only ever sees per-head (B, H, N, d) arrays and the mask, so swapping it is a matter of the spec.
 */
public final class MultiHeadAttentionBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int heads;
    private final int headDim;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final Attention attention;

    public MultiHeadAttentionBlock(int dim, VariantRegistry registry, VariantSpec spec, AttentionSettings settings) {
        super(VERSION);
        if (settings.heads() * settings.headDim() != dim) {
            throw new IllegalArgumentException(settings.heads() + " heads of width " + settings.headDim()
                    + " do not make up the model width " + dim + ".");
        }
        this.dim = dim;
        this.heads = settings.heads();
        this.headDim = settings.headDim();
        query = addChildBlock("query", TorchDefaults.linear(dim, dim));
        key = addChildBlock("key", TorchDefaults.linear(dim, dim));
        value = addChildBlock("value", TorchDefaults.linear(dim, dim));
        attention = addChildBlock("attention", registry.create(spec, settings));
        output = addChildBlock("output", TorchDefaults.linear(dim, dim));
    }

    public Attention attention() {
        return attention;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray q = splitHeads(query.forward(store, new NDList(x), training).singletonOrThrow());
        NDArray k = splitHeads(key.forward(store, new NDList(x), training).singletonOrThrow());
        NDArray v = splitHeads(value.forward(store, new NDList(x), training).singletonOrThrow());
        NDArray attended = attention.forward(store, new NDList(q, k, v, mask), training).singletonOrThrow();
        return output.forward(store, new NDList(mergeHeads(attended)), training);
    }

    /**
     * The attention matrix of {@code x} (B, N, dim) under the key mask (B, N), without dropout: (B, H, N, N).
     *
     * @throws IllegalArgumentException when the attention is not {@link SoftmaxAttention} (only softmax attention
     *     has an N × N matrix to read)
     */
    public NDArray probabilities(ParameterStore store, NDArray x, NDArray mask) {
        if (!(attention instanceof SoftmaxAttention softmax)) {
            throw new IllegalArgumentException("attention maps need softmax attention, but a block has " + attention);
        }
        NDArray q = splitHeads(query.forward(store, new NDList(x), false).singletonOrThrow());
        NDArray k = splitHeads(key.forward(store, new NDList(x), false).singletonOrThrow());
        return softmax.probabilities(q, k, mask);
    }

    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headDim).transpose(0, 2, 1, 3);
    }

    private NDArray mergeHeads(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), dim);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        query.initialize(manager, dataType, x);
        key.initialize(manager, dataType, x);
        value.initialize(manager, dataType, x);
        Shape perHead = new Shape(x.get(0), heads, x.get(1), headDim);
        attention.initialize(manager, dataType, perHead, perHead, perHead, inputShapes[1]);
        output.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
