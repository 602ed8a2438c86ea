package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {
    @Test
    void risesLinearlyThenFollowsTheCosineOfTheGlobalStepDownToZero() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(2.5e-4, 1000, 100);
        assertEquals(2.5e-6, s.learningRate(1), 1e-15);
        assertEquals(1.25e-4, s.learningRate(50), 1e-15);
        assertEquals(2.5e-4, s.learningRate(100), 1e-15);
        // after warm-up the cosine continues at the global step, as CosineAnnealingLR(T_max = steps) does
        assertEquals(2.5e-4 * 0.5 * (1 + Math.cos(Math.PI * 101 / 1000)), s.learningRate(101), 1e-15);
        assertEquals(1.25e-4, s.learningRate(500), 1e-15);
        assertEquals(0, s.learningRate(1000), 1e-15);
        assertEquals((float) s.learningRate(7), s.getNewValue(7));
    }

    @Test
    void refusesAWarmupLongerThanTheRun() {
        assertThrows(IllegalArgumentException.class, () -> new WarmupCosineSchedule(1e-3, 10, 11));
    }
}
