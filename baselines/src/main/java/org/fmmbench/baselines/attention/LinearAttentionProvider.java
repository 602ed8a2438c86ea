package org.fmmbench.baselines.attention;

/** {@code linear}: elu+1 linear attention, the far field alone. */
public final class LinearAttentionProvider extends ParameterlessAttentionProvider {
    public LinearAttentionProvider() {
        super("linear", "linear attention with elu(x)+1 features, O(N) (the paper's Linear baseline)",
                LinearAttention::new);
    }

    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return AttentionCost.ofProducts(shape, AttentionCost.farFieldProducts(shape, 1));
    }
}
