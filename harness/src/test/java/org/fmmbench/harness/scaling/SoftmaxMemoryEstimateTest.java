package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;

class SoftmaxMemoryEstimateTest {

    private static ScalingCell cell(String variant, int n, int heads, BenchMode mode) {
        return new ScalingCell(VariantSpec.parse(variant), n, 1, new HeadLayout(heads, 32), false, mode);
    }

    @Test
    void softmaxForwardBackwardCountsFiveScoreMatricesPlusTheRuntime() {
        long matrix = 2L * 32768 * 32768 * 4; // B=1, H=2, N=32768, float32: 8 GiB
        assertEquals(5 * matrix + (512L << 20),
                SoftmaxMemoryEstimate.bytes(cell("softmax", 32768, 2, BenchMode.FWDBWD)).orElseThrow());
        assertEquals(3 * matrix + (512L << 20),
                SoftmaxMemoryEstimate.bytes(cell("softmax", 32768, 2, BenchMode.FWD)).orElseThrow());
    }

    @Test
    void causalSoftmaxAddsTheMaskedScoresAndThreeSharedMasks() {
        ScalingCell causal = new ScalingCell(VariantSpec.parse("softmax"), 4096, 1, new HeadLayout(2, 32), true,
                BenchMode.FWDBWD);
        long nn = 4096L * 4096 * 4;
        assertEquals((6 * 2 + 3) * nn + (512L << 20), SoftmaxMemoryEstimate.bytes(causal).orElseThrow());
    }

    @Test
    void linearVariantsAreNotEstimated() {
        assertTrue(SoftmaxMemoryEstimate.bytes(cell("linear", 65536, 8, BenchMode.FWDBWD)).isEmpty());
        assertTrue(SoftmaxMemoryEstimate.bytes(cell("fmm:k=5", 65536, 8, BenchMode.FWDBWD)).isEmpty());
    }
}
