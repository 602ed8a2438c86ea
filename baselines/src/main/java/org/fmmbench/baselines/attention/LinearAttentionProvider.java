package org.fmmbench.baselines.attention;

import java.util.Map;

/** {@code linear}: elu+1 linear attention, the far field alone. */
public final class LinearAttentionProvider implements AttentionProvider {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String summary() {
        return "linear attention with elu(x)+1 features, O(N) (the paper's Linear baseline)";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams.check(spec, parameters());
        return new LinearAttention(spec, settings);
    }

    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return AttentionCost.ofProducts(shape, AttentionCost.farFieldProducts(shape, 1));
    }
}
