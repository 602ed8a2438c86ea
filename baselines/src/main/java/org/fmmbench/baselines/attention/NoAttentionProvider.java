package org.fmmbench.baselines.attention;

import java.util.Map;

/** {@code none}: the attention-free control row, identity on the values. */
public final class NoAttentionProvider implements AttentionProvider {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public String summary() {
        return "no attention: each position keeps its own value (control row: how much a task needs attention)";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams.check(spec, parameters());
        return new NoAttention(spec, settings);
    }
}
