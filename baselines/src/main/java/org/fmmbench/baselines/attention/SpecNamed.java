package org.fmmbench.baselines.attention;

import java.util.LinkedHashSet;
import java.util.Set;

/** Enums whose constants are named in variant specs: feature maps, blend rules and kernel mixes. */
interface SpecNamed {
    String specName();

    /** The names in declaration order, for error messages that list the valid choices. */
    static <E extends SpecNamed> Set<String> names(E[] values) {
        Set<String> names = new LinkedHashSet<>();
        for (E value : values) {
            names.add(value.specName());
        }
        return names;
    }

    /** The constant with this spec name, or {@code null}. */
    static <E extends SpecNamed> E find(E[] values, String name) {
        for (E value : values) {
            if (value.specName().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
