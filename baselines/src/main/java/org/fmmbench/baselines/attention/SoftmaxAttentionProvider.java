package org.fmmbench.baselines.attention;

import java.util.Map;

/** {@code softmax}: full softmax attention (quadratic in N). */
public final class SoftmaxAttentionProvider implements AttentionProvider {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String summary() {
        return "full softmax attention, O(N^2) time and memory (the paper's Softmax baseline)";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams.check(spec, parameters());
        return new SoftmaxAttention(spec, settings);
    }

    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return AttentionCost.ofProducts(shape, AttentionCost.softmaxProducts(shape, shape.allPairs()));
    }
}
