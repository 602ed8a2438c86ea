package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The positive feature maps phi of the far field, as named in the official code's {@code kernels} option. */
enum FeatureMap implements SpecNamed {
    /** elu(x) + 1. */
    ELU("elu", Base.ELU, false),
    /** elu(-x) + 1. */
    ELU_FLIP("elu_flip", Base.ELU, true),
    /** tanh(x) + 1. */
    TANH("tanh", Base.TANH, false);

    /** The activation g in phi(x) = g(+-x) + 1; maps sharing it are applied to their joined inputs in one pass. */
    private enum Base {
        ELU(x -> Activation.elu(x, 1f)),
        TANH(NDArray::tanh);

        private final UnaryOperator<NDArray> activation;

        Base(UnaryOperator<NDArray> activation) {
            this.activation = activation;
        }
    }

    private final String specName;
    private final Base base;
    private final boolean flip;

    FeatureMap(String specName, Base base, boolean flip) {
        this.specName = specName;
        this.base = base;
        this.flip = flip;
    }

    @Override
    public String specName() {
        return specName;
    }

    NDArray apply(NDArray x) {
        return base.activation.apply(flip ? x.neg() : x).add(1f);
    }

    /**
     * phi_1(x) - 1 | ... | phi_r(x) - 1 joined along the last axis: (.., r d) for x of shape (.., d). The constant
     * 1 of every map is left to the caller, which can add it to a small array instead (see {@link ScaledFarField}).
     * One activation pass per run of neighbouring maps with the same base (elu+elu_flip: elu on x | -x), instead
     * of one per map.
     */
    static NDArray concatenatedMinusOne(List<FeatureMap> maps, NDArray x) {
        NDList parts = new NDList();
        NDArray negated = null;
        for (int i = 0; i < maps.size(); ) {
            Base base = maps.get(i).base;
            NDList inputs = new NDList();
            for (; i < maps.size() && maps.get(i).base == base; i++) {
                if (maps.get(i).flip && negated == null) {
                    negated = x.neg();
                }
                inputs.add(maps.get(i).flip ? negated : x);
            }
            NDArray input = inputs.size() == 1 ? inputs.get(0) : NDArrays.concat(inputs, -1);
            parts.add(base.activation.apply(input));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, -1);
    }

    static Set<String> specNames() {
        return SpecNamed.names(values());
    }

    /** Looks a map up by its spec name, or returns {@code null}. */
    static FeatureMap bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
