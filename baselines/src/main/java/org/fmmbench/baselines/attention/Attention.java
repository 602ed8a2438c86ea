package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;

/**
 * Base class of every attention variant: a DJL block mapping per-head queries, keys and values to outputs.
 *
 * <p>Input {@code NDList}: {@code q, k, v} of shape (B, H, N, d), optionally followed by a key mask of shape
 * (B, N) holding 1 for real tokens and 0 for padding (absent means no padding). Output: one array (B, H, N, d).
 * Heads are split and merged by the hosting model, so a variant sees only the attention itself.
 */
public abstract class Attention extends AbstractBlock {
    protected final VariantSpec spec;
    protected final AttentionSettings settings;

    protected Attention(byte version, VariantSpec spec, AttentionSettings settings) {
        super(version);
        this.spec = spec;
        this.settings = settings;
    }

    public VariantSpec spec() {
        return spec;
    }

    public AttentionSettings settings() {
        return settings;
    }

    /** Convenience call with an optional key mask ({@code null} = no padding). */
    public NDArray attend(ParameterStore store, NDArray q, NDArray k, NDArray v, NDArray keyMask, boolean training) {
        NDList in = keyMask == null ? new NDList(q, k, v) : new NDList(q, k, v, keyMask);
        return forward(store, in, training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[2]};
    }

    @Override
    public String toString() {
        return spec.toString() + (settings.causal() ? " (causal)" : "");
    }
}
