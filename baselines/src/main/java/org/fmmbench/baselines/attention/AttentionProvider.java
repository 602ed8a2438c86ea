package org.fmmbench.baselines.attention;

import java.util.Map;

/**
 * Service interface through which the harness finds attention variants by name.
 *
 * <p>Implementations are listed in {@code META-INF/services/org.fmmbench.baselines.attention.AttentionProvider}
 * of their jar; any jar on the class path contributes its variants with no change to the harness.
 */
public interface AttentionProvider {
    /** The name used in specs, e.g. {@code band}. */
    String name();

    /** One line saying what the variant computes. */
    String summary();

    /** Accepted parameters mapped to a short description that includes the default. */
    Map<String, String> parameters();

    /**
     * Builds the block. Must throw {@link IllegalArgumentException} naming the offending parameter and the
     * valid choices when {@code spec} holds an unknown parameter or an impossible value.
     */
    Attention create(VariantSpec spec, AttentionSettings settings);

    /**
     * The FLOPs and minimum bytes of one call of the block {@code spec} builds, at the given size, for the roofline
     * of the {@code scaling} command. The default, {@link AttentionCost#UNKNOWN}, leaves those columns empty.
     */
    default AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return AttentionCost.UNKNOWN;
    }
}
