package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepTimesTest {
    @Test
    void warmUpStepsAreLeftOutAndPercentilesInterpolate() {
        StepTimes times = new StepTimes(15);
        for (int i = 0; i < StepTimes.WARMUP; i++) {
            times.add(1_000_000_000L, 1_000_000_000L); // slow first steps must not count
        }
        for (int ms = 1; ms <= 10; ms++) {
            times.add(ms * 1_000_000L, ms * 1_000_000L);
        }
        assertEquals(5.5, times.medianMs(), 1e-9);
        assertEquals(9.1, times.p90Ms(), 1e-9);
    }

    @Test
    void shortRunsKeepAtLeastHalfTheirSteps() {
        StepTimes times = new StepTimes(2);
        times.add(4_000_000L, 4_000_000L);
        times.add(2_000_000L, 2_000_000L);
        assertEquals(2.0, times.medianMs(), 1e-9);
    }

    @Test
    void cpuTimeOfAStepIsMeasuredApartFromItsWallClock() throws InterruptedException {
        StepTimes times = new StepTimes(1);
        StepTimes.Start start = StepTimes.start();
        Thread.sleep(200); // waiting costs wall-clock, not CPU
        times.stop(start);
        assertEquals(true, times.medianMs() >= 200, "wall " + times.medianMs());
        assertEquals(true, times.medianCpuMs() < 100, "cpu " + times.medianCpuMs());
    }
}
