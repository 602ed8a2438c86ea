package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The positive feature maps phi of the far field, as named in the official code's {@code kernels} option. */
enum FeatureMap {
    /** elu(x) + 1. */
    ELU("elu", x -> Activation.elu(x, 1f).add(1f)),
    /** elu(-x) + 1. */
    ELU_FLIP("elu_flip", x -> Activation.elu(x.neg(), 1f).add(1f)),
    /** tanh(x) + 1. */
    TANH("tanh", x -> x.tanh().add(1f));

    private final String specName;
    private final UnaryOperator<NDArray> map;

    FeatureMap(String specName, UnaryOperator<NDArray> map) {
        this.specName = specName;
        this.map = map;
    }

    String specName() {
        return specName;
    }

    NDArray apply(NDArray x) {
        return map.apply(x);
    }

    static Set<String> specNames() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(values()).forEach(f -> names.add(f.specName));
        return names;
    }

    /** Looks a map up by its spec name, or returns {@code null}. */
    static FeatureMap bySpecName(String name) {
        for (FeatureMap f : values()) {
            if (f.specName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
