package org.fmmbench.baselines.attention.example;

import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/** Registers {@link UniformAttention} under the name {@code uniform}. */
public final class UniformAttentionProvider implements AttentionProvider {
    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String summary() {
        return "mean of the visible real values, ignoring queries and keys (a floor for comparisons)";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        if (!spec.params().isEmpty()) {
            throw new IllegalArgumentException("Attention variant 'uniform' takes no parameters, got '" + spec
                    + "': write just 'uniform'.");
        }
        return new UniformAttention(spec, settings);
    }
}
