package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the far-field outputs of two or three feature maps are added (official code: the same
 * {@code sparse_ratio} flag as the blend). With one kernel there is nothing to mix.
 */
enum KernelMix implements SpecNamed {
    /** Each kernel weighted 1/r, not learned: the official 0.5/0.5 whenever a flag sets no learned mix. */
    FIXED("fixed", "(far_1 + ... + far_r)/r, not learned (official default for two kernels, e.g. LRA 4.5, LM 2.5)") {
        @Override
        List<Parameter> parameters(int kernels) {
            return List.of();
        }

        @Override
        List<NDArray> kernelWeights(List<NDArray> learned, int kernels, NDManager manager) {
            List<NDArray> w = new ArrayList<>();
            for (int i = 0; i < kernels; i++) {
                w.add(manager.full(new Shape(), 1f / kernels));
            }
            return w;
        }
    },
    /** a far_1 + b far_2 (+ c far_3), learnable scalars a=1, b=c=0 (official LRA flags 13.5, 19.5). */
    LEARNED_AB("learned_ab", "a*far_1 + b*far_2 (+ c*far_3), scalars a=1, b=0 (c=0) (official LRA flags 13.5, 19.5)") {
        @Override
        List<Parameter> parameters(int kernels) {
            List<Parameter> p = new ArrayList<>();
            for (int i = 1; i <= kernels; i++) {
                p.add(BlendRule.parameter("kernel_weight_" + i, new Shape(1), i == 1 ? 1f : 0f));
            }
            return p;
        }

        @Override
        List<NDArray> kernelWeights(List<NDArray> learned, int kernels, NDManager manager) {
            return learned;
        }
    },
    /** far_1 + c far_2 (+ c3 far_3), learnable scalars starting at 0 (official LRA flags 15.5, 17.5). */
    LEARNED_C("learned_c", "far_1 + c*far_2 (+ c3*far_3), scalars c=0 (c3=0) (official LRA flags 15.5, 17.5)") {
        @Override
        List<Parameter> parameters(int kernels) {
            List<Parameter> p = new ArrayList<>();
            for (int i = 2; i <= kernels; i++) {
                p.add(BlendRule.parameter("kernel_weight_" + i, new Shape(1), 0f));
            }
            return p;
        }

        @Override
        List<NDArray> kernelWeights(List<NDArray> learned, int kernels, NDManager manager) {
            List<NDArray> w = new ArrayList<>();
            w.add(null);
            w.addAll(learned);
            return w;
        }
    };

    private final String specName;
    private final String description;

    KernelMix(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The learnable weights for {@code kernels} feature maps, in the order {@link #kernelWeights} expects. */
    abstract List<Parameter> parameters(int kernels);

    /**
     * The weight of each kernel's far field ({@code null} = 1), given the values of {@link #parameters};
     * constants are made in {@code manager}, the manager of the step's inputs.
     */
    abstract List<NDArray> kernelWeights(List<NDArray> learned, int kernels, NDManager manager);

    @Override
    public String specName() {
        return specName;
    }

    String description() {
        return description;
    }

    static Set<String> specNames() {
        return SpecNamed.names(values());
    }

    /** Looks a mix up by its spec name, or returns {@code null}. */
    static KernelMix bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
