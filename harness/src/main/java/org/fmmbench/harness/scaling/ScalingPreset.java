package org.fmmbench.harness.scaling;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Named settings of {@code scaling --preset}, each a figure of the paper. Options given explicitly win over them.
 *
 * @param name what {@code --preset} calls it
 * @param variants the variant specs, comma-separated
 * @param nMin the smallest sequence length
 * @param nMax the largest sequence length
 */
public record ScalingPreset(String name, String variants, int nMin, int nMax) {
    /**
     * The paper's efficiency figure (time and memory against N): softmax against FMMformer with a rank-3 far field
     * (the three feature maps of the official copy-task layer: elu, elu_flip, tanh) and band 30, N up to 2^16.
     * Rank 3, band 30 and N up to 2^16 are the figure's settings as a third-party summary of the paper quotes them
     * (not verified against the PDF; docs/experiments.md); the official repository has no benchmark script. Batch, heads and causality are not recorded there, so fmmbench's defaults stand (batch 1; head
     * layouts 2x32, the LRA models', and 8x64; non-causal).
     */
    public static final ScalingPreset EFFICIENCY = new ScalingPreset("efficiency",
            "softmax,fmm:k=30,kernels=elu+elu_flip+tanh,kmix=fixed", 256, 65536);

    private static final List<ScalingPreset> ALL = List.of(EFFICIENCY);

    /** The preset of that name; fails naming the presets. */
    public static ScalingPreset byName(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown --preset '" + name + "': use one of "
                        + ALL.stream().map(ScalingPreset::name).collect(Collectors.joining(", ")) + "."));
    }
}
