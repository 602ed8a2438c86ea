package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionState;
import org.fmmbench.baselines.attention.RecurrentAttention;
import org.fmmbench.baselines.model.TorchDefaults;

/**
 * One decoder layer of the official LM (post-LN, {@code pre_lnorm} off):
 * <pre>
 *   q,k,v = split(qkv(h))                      bias-free, one H·3d projection laid out per head as [q|k|v]
 *   h = LN(h + dropout(o(attention(q,k,v))))   bias-free output projection
 *   h = LN(h + dropout(W2·dropout(relu(W1·h + b1)) + b2))
 * </pre>
 * Linear weights are N(0, 0.02) with zero biases and LayerNorm gains N(1, 0.02), as in the official LM's init
 * ({@link LinearInit#LM_NORMAL}); the copy task's official model keeps PyTorch's defaults instead
 * ({@link LinearInit#TORCH_DEFAULT}).
 */
public final class PostLnDecoderLayer extends AbstractBlock {
    private final int heads;
    private final int headDim;
    private final Linear qkv;
    private final Attention attention;
    private final Linear out;
    private final Dropout attentionDropout;
    private final LayerNorm norm1;
    private final Linear ff1;
    private final Dropout ffInnerDropout;
    private final Linear ff2;
    private final Dropout ffDropout;
    private final LayerNorm norm2;

    /** How the linear weights start. */
    public enum LinearInit {
        /** N(0, 0.02): the official WikiText-103 LM. */
        LM_NORMAL,
        /**
         * U(-1/√fan_in, 1/√fan_in), PyTorch's nn.Linear default: the official copy model. On the small copy models
         * N(0, 0.02) makes the q·k logits so small that attention stays uniform for hundreds of steps.
         */
        TORCH_DEFAULT
    }

    public PostLnDecoderLayer(LmConfig config, Attention attention) {
        this(config, attention, LinearInit.LM_NORMAL);
    }

    public PostLnDecoderLayer(LmConfig config, Attention attention, LinearInit init) {
        super((byte) 1);
        if (!attention.settings().causal()) {
            throw new IllegalArgumentException("a language model needs causal attention, got " + attention);
        }
        this.heads = config.heads();
        this.headDim = config.headDim();
        int width = heads * headDim;
        this.qkv = addChildBlock("qkv", linear(init, config.modelDim(), 3 * width, false));
        this.attention = addChildBlock("attention", attention);
        this.out = addChildBlock("out", linear(init, width, config.modelDim(), false));
        this.attentionDropout = addChildBlock("attentionDropout", dropout(config.dropout()));
        this.norm1 = addChildBlock("norm1", layerNorm());
        this.ff1 = addChildBlock("ff1", linear(init, config.modelDim(), config.ffDim(), true));
        this.ffInnerDropout = addChildBlock("ffInnerDropout", dropout(config.dropout()));
        this.ff2 = addChildBlock("ff2", linear(init, config.ffDim(), config.modelDim(), true));
        this.ffDropout = addChildBlock("ffDropout", dropout(config.dropout()));
        this.norm2 = addChildBlock("norm2", layerNorm());
    }

    public Attention attention() {
        return attention;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(store, inputs.singletonOrThrow(), training, null));
    }

    /**
     * Inference over the next C positions of a stream, h (B, C, d_model) → (B, C, d_model), for a layer whose
     * attention is a {@link RecurrentAttention}: the attention reads and advances {@code state}.
     */
    public NDArray forwardNext(ParameterStore store, NDArray h, AttentionState state) {
        if (!(attention instanceof RecurrentAttention)) {
            throw new IllegalArgumentException("attention " + attention + " carries no finite state");
        }
        return forward(store, h, false, state);
    }

    /** q, k and v of this layer's attention for its input h (B, N, d_model): three (B, H, N, d_head) arrays. */
    public NDList queriesKeysValues(ParameterStore store, NDArray h, boolean training) {
        Shape s = h.getShape();
        // (B, N, H, 3d) -> (B, H, N, 3d): heads first, then q, k, v as consecutive slices of each head's 3d.
        NDArray proj = qkv.forward(store, new NDList(h), training).singletonOrThrow()
                .reshape(s.get(0), s.get(1), heads, 3L * headDim).transpose(0, 2, 1, 3);
        return proj.split(3, 3);
    }

    /** @param state {@code null} for a whole segment, else the stream state of a recurrent attention */
    private NDArray forward(ParameterStore store, NDArray h, boolean training, AttentionState state) {
        Shape s = h.getShape();
        long b = s.get(0);
        long n = s.get(1);
        NDList split = queriesKeysValues(store, h, training);
        NDArray attended = state == null
                ? attention.forward(store, new NDList(split.get(0), split.get(1), split.get(2)), training)
                        .singletonOrThrow()
                : ((RecurrentAttention) attention).attendNext(store, split.get(0), split.get(1), split.get(2), state);
        NDArray merged = attended.transpose(0, 2, 1, 3).reshape(b, n, (long) heads * headDim);
        NDArray a = out.forward(store, new NDList(merged), training).singletonOrThrow();
        a = attentionDropout.forward(store, new NDList(a), training).singletonOrThrow();
        h = norm1.forward(store, new NDList(h.add(a)), training).singletonOrThrow();

        NDArray f = ff1.forward(store, new NDList(h), training).singletonOrThrow();
        f = ffInnerDropout.forward(store, new NDList(Activation.relu(f)), training).singletonOrThrow();
        f = ff2.forward(store, new NDList(f), training).singletonOrThrow();
        f = ffDropout.forward(store, new NDList(f), training).singletonOrThrow();
        return norm2.forward(store, new NDList(h.add(f)), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long b = x.get(0);
        long n = x.get(1);
        long width = (long) heads * headDim;
        Shape head = new Shape(b, heads, n, headDim);
        qkv.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, head, head, head);
        out.initialize(manager, dataType, new Shape(b, n, width));
        attentionDropout.initialize(manager, dataType, x);
        norm1.initialize(manager, dataType, x);
        ff1.initialize(manager, dataType, x);
        Shape inner = ff1.getOutputShapes(new Shape[] {x})[0];
        ffInnerDropout.initialize(manager, dataType, inner);
        ff2.initialize(manager, dataType, inner);
        ffDropout.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /**
     * @param lmBias whether the official LM's layer has a bias here (its q/k/v and output projections have none);
     *     PyTorch-default layers always have one, as the copy model's fast_transformers layers do
     */
    private static Linear linear(LinearInit init, int in, int units, boolean lmBias) {
        if (init == LinearInit.TORCH_DEFAULT) {
            return TorchDefaults.linear(in, units);
        }
        Linear linear = Linear.builder().setUnits(units).optBias(lmBias).build();
        linear.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return linear;
    }

    private static LayerNorm layerNorm() {
        LayerNorm norm = LayerNorm.builder().axis(2).build();
        norm.setInitializer((m, shape, type) -> m.randomNormal(1f, 0.02f, shape, type), Parameter.Type.GAMMA);
        return norm;
    }

    static Dropout dropout(float p) {
        return Dropout.builder().optRate(p).build();
    }
}
