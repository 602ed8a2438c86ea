package org.fmmbench.baselines.attention;

import java.util.Map;
import java.util.function.BiFunction;

/** A variant that takes no spec parameters: its name, its summary and the constructor of its block. */
abstract class ParameterlessAttentionProvider implements AttentionProvider {
    private final String name;
    private final String summary;
    private final BiFunction<VariantSpec, AttentionSettings, Attention> block;

    ParameterlessAttentionProvider(String name, String summary,
            BiFunction<VariantSpec, AttentionSettings, Attention> block) {
        this.name = name;
        this.summary = summary;
        this.block = block;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Map<String, String> parameters() {
        return Map.of();
    }

    /** Rejects any parameter in {@code spec} (naming it), then builds the block. */
    @Override
    public final Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams.check(spec, parameters());
        return block.apply(spec, settings);
    }
}
