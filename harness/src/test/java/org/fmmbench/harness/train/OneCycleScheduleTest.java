package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OneCycleScheduleTest {
    private static final double TOL = 1e-12;

    @Test
    void tenStepsWithThreeOfWarmUpMatchPyTorchValues() {
        // torch OneCycleLR(max_lr=1, total_steps=10, pct_start=0.3, anneal_strategy='linear'):
        // phase ends 0.3*10-1 = 2.0000000000000004 and 9; lr 0.04 -> 1 -> 4e-6; beta1 0.95 -> 0.85 -> 0.95.
        OneCycleSchedule s = new OneCycleSchedule(1.0, 10, 3);
        double end1 = 0.3 * 10 - 1;
        assertEquals(0.04, s.learningRate(0), TOL);
        assertEquals(0.04 + 0.96 * (1 / end1), s.learningRate(1), TOL);
        assertEquals(0.52, s.learningRate(1), 1e-9);
        assertEquals(0.04 + 0.96 * (2 / end1), s.learningRate(2), TOL);
        assertEquals(1 + (4e-6 - 1) * ((3 - end1) / (9 - end1)), s.learningRate(3), TOL);
        assertEquals(0.857143429, s.learningRate(3), 1e-9);
        assertEquals(4e-6, s.learningRate(9), TOL);

        assertEquals(0.95, s.beta1(0), TOL);
        assertEquals(0.90, s.beta1(1), 1e-9);
        assertEquals(0.85, s.beta1(2), 1e-9);
        assertEquals(0.85 + 0.1 / 7, s.beta1(3), 1e-9);
        assertEquals(0.95, s.beta1(9), TOL);
    }

    @Test
    void listOpsScheduleStartsAtOneTwentyFifthPeaksAfterWarmUpAndEndsAtMaxOverTwoPointFiveE5() {
        OneCycleSchedule s = new OneCycleSchedule(1e-4, 5000, 1000);
        assertEquals(4e-6, s.learningRate(0), TOL);
        assertEquals(1e-4, s.learningRate(999), TOL);
        assertEquals(1e-4 / 2.5e5, s.learningRate(4999), TOL);
        assertEquals(4e-6 + 9.6e-5 * 500 / 999, s.learningRate(500), TOL);
        assertEquals(1e-4 + (4e-10 - 1e-4) * 2000 / 4000, s.learningRate(2999), TOL);
        assertEquals(0.85, s.beta1(999), TOL);
        assertEquals(0.90, s.beta1(2999), TOL);
        assertEquals(0.95, s.beta1(4999), TOL);
    }

    @Test
    void djlUpdateCountsAreOneBased() {
        OneCycleSchedule s = new OneCycleSchedule(1e-3, 100, 10);
        assertEquals((float) s.learningRate(0), s.getNewValue(1));
        assertEquals((float) s.learningRate(57), s.getNewValue(58));
    }

    @Test
    void noWarmUpStartsAnnealingFromThePeak() {
        // pct_start 0: the first phase ends at -1, so step 0 already lies 1/total into the decay.
        OneCycleSchedule s = new OneCycleSchedule(1.0, 4, 0);
        assertEquals(1 + (4e-6 - 1) * 0.25, s.learningRate(0), TOL);
        assertEquals(4e-6, s.learningRate(3), TOL);
    }

    @Test
    void warmUpOfOneStepUsesThePeakWherePyTorchWouldDivideByZero() {
        OneCycleSchedule s = new OneCycleSchedule(1.0, 4, 1);
        assertEquals(1.0, s.learningRate(0), TOL);
        assertEquals(0.85, s.beta1(0), TOL);
    }

    @Test
    void impossibleSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OneCycleSchedule(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new OneCycleSchedule(1e-3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OneCycleSchedule(1e-3, 10, 11));
        assertThrows(IllegalArgumentException.class, () -> new OneCycleSchedule(1e-3, 10, 2).learningRate(11));
    }
}
