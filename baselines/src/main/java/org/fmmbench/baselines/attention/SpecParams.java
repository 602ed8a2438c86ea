package org.fmmbench.baselines.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a variant's parameters from its spec, rejecting anything the variant does not accept. */
final class SpecParams {
    private final VariantSpec spec;

    private SpecParams(VariantSpec spec) {
        this.spec = spec;
    }

    /** Fails on the first parameter of {@code spec} not described in {@code accepted}. */
    static SpecParams check(VariantSpec spec, Map<String, String> accepted) {
        for (String key : spec.params().keySet()) {
            if (!accepted.containsKey(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key + "' in attention spec '" + spec
                        + "': '" + spec.name() + "' accepts " + describe(accepted) + ".");
            }
        }
        return new SpecParams(spec);
    }

    private static String describe(Map<String, String> accepted) {
        if (accepted.isEmpty()) {
            return "no parameters";
        }
        List<String> parts = new ArrayList<>();
        accepted.forEach((key, text) -> parts.add(key + " (" + text + ")"));
        return String.join(", ", parts);
    }

    boolean has(String key) {
        return spec.params().containsKey(key);
    }

    String text(String key, String fallback) {
        return spec.params().getOrDefault(key, fallback);
    }

    /** An integer parameter that must be at least {@code min}. */
    int positiveInt(String key, int fallback, int min) {
        String raw = spec.params().get(key);
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + key + "='" + raw + "' in attention spec '" + spec
                    + "' is not an integer: write e.g. " + key + "=" + fallback + ".", e);
        }
        if (value < min) {
            throw new IllegalArgumentException("Parameter " + key + "=" + value + " in attention spec '" + spec
                    + "' must be >= " + min + ", e.g. " + key + "=" + fallback + ".");
        }
        return value;
    }

    /** Fails naming the valid choices when {@code value} is not one of them. */
    static IllegalArgumentException unknownChoice(VariantSpec spec, String key, String value, Set<String> valid) {
        return new IllegalArgumentException("Unknown " + key + " '" + value + "' in attention spec '" + spec
                + "': choose one of " + String.join(", ", new TreeSet<>(valid)) + ".");
    }

    VariantSpec spec() {
        return spec;
    }
}
