package org.fmmbench.baselines.attention;

/** {@code softmax}: full softmax attention (quadratic in N). */
public final class SoftmaxAttentionProvider extends ParameterlessAttentionProvider {
    public SoftmaxAttentionProvider() {
        super("softmax", "full softmax attention, O(N^2) time and memory (the paper's Softmax baseline)",
                SoftmaxAttention::new);
    }

    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return AttentionCost.ofProducts(shape, AttentionCost.softmaxProducts(shape, shape.allPairs()));
    }
}
