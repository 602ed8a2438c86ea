package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import java.util.Set;

/**
 * How FMMformer adds its near field (banded softmax) and far field (low rank). The official code selects the
 * rule with the float flag {@code sparse_ratio}; the names here say what the rule computes:
 *
 * <table>
 * <caption>Blend rules and the official flags</caption>
 * <tr><th>name</th><th>output</th><th>learnable weights (init)</th><th>official flag</th></tr>
 * <tr><td>mix</td><td>r near + (1 - r) far</td><td>scalar r (0.5)</td><td>LRA 2.5, 15.5</td></tr>
 * <tr><td>far_channel</td><td>near + w * far</td><td>w (1, H, 1, d) (0)</td><td>LRA 4.5, 17.5</td></tr>
 * <tr><td>per_head</td><td>w1 near + w2 far</td><td>w1, w2 (1, H, 1, 1) (1, 0)</td><td>LRA 11.5, 13.5</td></tr>
 * <tr><td>near_gate</td><td>w near + far</td><td>w (1, H, 1, 1) (0)</td><td>LRA 18.5, 19.5</td></tr>
 * <tr><td>near_channel</td><td>w * near + far</td><td>w (1, H, 1, d) (0)</td><td>LM 2.5</td></tr>
 * </table>
 * No weight passes through a sigmoid or is constrained, as in the official code. Flags 13.5, 15.5, 17.5, 19.5
 * differ from their partners only in how two kernels are mixed ({@link KernelMix}).
 */
enum BlendRule implements SpecNamed {
    MIX("mix", "r*near + (1-r)*far, scalar r=0.5 (official LRA flag 2.5; with kmix=learned_c 15.5)") {
        @Override
        List<Parameter> parameters(AttentionSettings s) {
            return List.of(parameter("near_ratio", new Shape(1), 0.5f));
        }

        @Override
        NDArray nearWeight(List<NDArray> w, NDManager step) {
            return w.get(0);
        }

        @Override
        NDArray farWeight(List<NDArray> w, NDManager step) {
            // 1 - r with the per-step constant on the left, so the result belongs to the step's manager.
            return step.full(new Shape(1), 1f).sub(w.get(0));
        }
    },
    FAR_CHANNEL("far_channel", "near + w*far, w (1,H,1,d)=0 (official LRA flag 4.5; with kmix=learned_c 17.5)") {
        @Override
        List<Parameter> parameters(AttentionSettings s) {
            return List.of(parameter("far_weight", perChannel(s), 0f));
        }

        @Override
        NDArray nearWeight(List<NDArray> w, NDManager step) {
            return null;
        }

        @Override
        NDArray farWeight(List<NDArray> w, NDManager step) {
            return w.get(0);
        }
    },
    PER_HEAD("per_head", "w1*near + w2*far, w1,w2 (1,H,1,1)=1,0 (official LRA flag 11.5; with kmix=learned_ab 13.5)") {
        @Override
        List<Parameter> parameters(AttentionSettings s) {
            return List.of(parameter("near_weight", perHead(s), 1f), parameter("far_weight", perHead(s), 0f));
        }

        @Override
        NDArray nearWeight(List<NDArray> w, NDManager step) {
            return w.get(0);
        }

        @Override
        NDArray farWeight(List<NDArray> w, NDManager step) {
            return w.get(1);
        }
    },
    NEAR_GATE("near_gate", "w*near + far, w (1,H,1,1)=0 (official LRA flag 18.5; with kmix=learned_ab 19.5)") {
        @Override
        List<Parameter> parameters(AttentionSettings s) {
            return List.of(parameter("near_weight", perHead(s), 0f));
        }

        @Override
        NDArray nearWeight(List<NDArray> w, NDManager step) {
            return w.get(0);
        }

        @Override
        NDArray farWeight(List<NDArray> w, NDManager step) {
            return null;
        }
    },
    NEAR_CHANNEL("near_channel", "w*near + far, w (1,H,1,d)=0 (official language-model flag 2.5)") {
        @Override
        List<Parameter> parameters(AttentionSettings s) {
            return List.of(parameter("near_weight", perChannel(s), 0f));
        }

        @Override
        NDArray nearWeight(List<NDArray> w, NDManager step) {
            return w.get(0);
        }

        @Override
        NDArray farWeight(List<NDArray> w, NDManager step) {
            return null;
        }
    };

    private final String specName;
    private final String description;

    BlendRule(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The learnable weights of this rule, in the order the weight methods expect their values. */
    abstract List<Parameter> parameters(AttentionSettings settings);

    /**
     * The factor of the near field, broadcastable to (B, H, N, d), or {@code null} for 1.
     *
     * @param step manager of the step's inputs, for anything derived from the weights
     */
    abstract NDArray nearWeight(List<NDArray> weights, NDManager step);

    /**
     * The factor of the far field, broadcastable to (B, H, N, d), or {@code null} for 1. The far field applies it
     * where its arrays are smallest, so the blend itself costs one multiply and one add.
     */
    abstract NDArray farWeight(List<NDArray> weights, NDManager step);

    /**
     * near * nearWeight + far, where far already carries {@link #farWeight}. The sum is formed in place in an
     * array that backward does not read (the product, or far), so the blend adds one (B, H, N, d) array, not two.
     */
    static NDArray blend(NDArray near, NDArray nearWeight, NDArray far) {
        return nearWeight == null ? far.addi(near) : near.mul(nearWeight).addi(far);
    }

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

    /** Looks a rule up by its spec name, or returns {@code null}. */
    static BlendRule bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }

    static Parameter parameter(String name, Shape shape, float initial) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(new ConstantInitializer(initial))
                .build();
    }

    private static Shape perHead(AttentionSettings s) {
        return new Shape(1, s.heads(), 1, 1);
    }

    private static Shape perChannel(AttentionSettings s) {
        return new Shape(1, s.heads(), 1, s.headDim());
    }
}
