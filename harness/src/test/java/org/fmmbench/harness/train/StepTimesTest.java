package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.fmmbench.harness.results.CpuClock;
import org.junit.jupiter.api.Test;

class StepTimesTest {
    @Test
    void warmUpStepsAreLeftOutAndPercentilesInterpolate() {
        StepTimes times = new StepTimes(15, CpuClock.PROCESS);
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
        StepTimes times = new StepTimes(2, CpuClock.PROCESS);
        times.add(4_000_000L, 4_000_000L);
        times.add(2_000_000L, 2_000_000L);
        assertEquals(2.0, times.medianMs(), 1e-9);
    }

    @Test
    void onTheThreadClockASleepingStepCostsNoCpuAndAShortSpinIsResolved() throws InterruptedException {
        StepTimes idle = new StepTimes(1, CpuClock.THREAD);
        StepTimes.Start start = idle.start();
        Thread.sleep(50);
        idle.stop(start);
        StepTimes busy = new StepTimes(1, CpuClock.THREAD);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        start = busy.start();
        long until = threads.getCurrentThreadCpuTime() + 3_000_000L;
        while (threads.getCurrentThreadCpuTime() < until) {
            Math.sqrt(until); // spin
        }
        busy.stop(start);
        // 10 ms ticks would read 0 or 10 for both; CPU time, so a loaded machine does not stretch the spin
        assertTrue(idle.medianCpuMs() < 1, "idle cpu " + idle.medianCpuMs());
        assertTrue(busy.medianCpuMs() >= 3 && busy.medianCpuMs() < 4, "busy cpu " + busy.medianCpuMs());
    }

    @Test
    void cpuTimeOfAStepIsMeasuredApartFromItsWallClock() throws InterruptedException {
        // Process CPU time counts every thread of the JVM (JIT, GC, the test runner), so a sleeping step is not at
        // zero CPU. Bounded instead: while this thread sleeps S ms the process can burn at most S ms per core, and
        // a step that spins past that on this thread alone must measure more.
        long sleepMs = 200;
        long spinNanos = (sleepMs * Runtime.getRuntime().availableProcessors() + 50) * 1_000_000L;
        StepTimes idle = new StepTimes(1, CpuClock.PROCESS);
        StepTimes.Start start = idle.start();
        Thread.sleep(sleepMs);
        idle.stop(start);
        StepTimes busy = new StepTimes(1, CpuClock.PROCESS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        start = busy.start();
        long until = threads.getCurrentThreadCpuTime() + spinNanos;
        while (threads.getCurrentThreadCpuTime() < until) {
            Math.sqrt(until); // spin
        }
        busy.stop(start);
        assertEquals(true, idle.medianMs() >= sleepMs, "wall " + idle.medianMs());
        assertEquals(true, idle.medianCpuMs() < busy.medianCpuMs(),
                "idle cpu " + idle.medianCpuMs() + " busy cpu " + busy.medianCpuMs());
        assertEquals(true, busy.medianCpuMs() >= spinNanos / 1e6, "busy cpu " + busy.medianCpuMs());
    }
}
