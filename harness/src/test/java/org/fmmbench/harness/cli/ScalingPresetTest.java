package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.scaling.ScalingPlan;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScalingPresetTest {
    private static ScalingPlan plan(String... args) {
        ScalingCommand command = new ScalingCommand();
        new CommandLine(command).parseArgs(args);
        return command.plan();
    }

    @Test
    void efficiencyPresetMeasuresSoftmaxAgainstRankThreeBandThirtyUpToTwoToTheSixteen() {
        ScalingPlan plan = plan("--preset", "efficiency", "--run-id", "t");
        assertEquals(List.of("softmax", "fmm:k=30,kernels=elu+elu_flip+tanh,kmix=fixed"),
                plan.variants().stream().map(VariantSpec::toString).toList());
        assertEquals(256, plan.ns().get(0));
        assertEquals(65536, plan.ns().get(plan.ns().size() - 1));
    }

    @Test
    void optionsGivenExplicitlyWinOverThePreset() {
        ScalingPlan plan = plan("--preset", "efficiency", "--n-max", "1024", "--variants", "linear", "--run-id", "t");
        assertEquals(List.of("linear"), plan.variants().stream().map(VariantSpec::toString).toList());
        assertEquals(1024, plan.ns().get(plan.ns().size() - 1));
    }

    @Test
    void anUnknownPresetIsRefusedNamingThePresets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan("--preset", "fast", "--run-id", "t"));
        assertTrue(e.getMessage().contains("efficiency"), e.getMessage());
    }
}
