package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {
    @Test
    void stepOneRunsAtThePeakThenWarmupAndCosineFollowTheStepsTaken() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(2.5e-4, 1000, 100);
        // train.py builds Adam at the peak rate and sets the next rate only after each step
        assertEquals(2.5e-4, s.learningRate(1), 1e-15);
        assertEquals(2.5e-6, s.learningRate(2), 1e-15);
        assertEquals(1.25e-4, s.learningRate(51), 1e-15);
        assertEquals(2.5e-4 * 99 / 100, s.learningRate(100), 1e-15);
        // from warmup steps taken on, CosineAnnealingLR(T_max = steps) at the global step: no restart after warm-up
        assertEquals(2.5e-4 * 0.5 * (1 + Math.cos(Math.PI * 100 / 1000)), s.learningRate(101), 1e-15);
        assertEquals(1.25e-4, s.learningRate(501), 1e-15);
        assertEquals(2.5e-4 * 0.5 * (1 + Math.cos(Math.PI * 999 / 1000)), s.learningRate(1000), 1e-15);
        assertEquals((float) s.learningRate(7), s.getNewValue(7));
    }

    @Test
    void withoutWarmupTheCosineStartsAtStepTwo() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(1e-3, 10, 0);
        assertEquals(1e-3, s.learningRate(1), 1e-15);
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI / 10)), s.learningRate(2), 1e-15);
    }

    @Test
    void refusesAWarmupLongerThanTheRun() {
        assertThrows(IllegalArgumentException.class, () -> new WarmupCosineSchedule(1e-3, 10, 11));
    }
}
