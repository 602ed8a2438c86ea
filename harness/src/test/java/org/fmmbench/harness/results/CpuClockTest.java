package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class CpuClockTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void oneIntraOpThreadIsReadOnTheThreadClockAndMoreOnTheProcessClock() {
        assertEquals(CpuClock.THREAD, CpuClock.forThreads(1));
        assertEquals(CpuClock.PROCESS, CpuClock.forThreads(2));
        assertEquals(CpuClock.PROCESS, CpuClock.forThreads(8));
    }

    @Test
    void theThreadClockResolvesAThreeMillisecondSpin() {
        long start = CpuClock.THREAD.nanos();
        spin(3_000_000L);
        double ms = (CpuClock.THREAD.nanos() - start) / 1e6;
        // 10 ms ticks read 0 or 10; the spin is counted in CPU time, so a loaded machine does not stretch it
        assertTrue(ms >= 3 && ms < 4, "thread clock read " + ms + " ms");
    }

    @Test
    void onlyTheProcessClockSeesWorkOfAnotherThread() throws InterruptedException {
        long thread = CpuClock.THREAD.nanos();
        long process = CpuClock.PROCESS.nanos();
        Thread worker = new Thread(() -> spin(60_000_000L)); // as an intra-op pool thread works for the caller
        worker.start();
        worker.join();
        double threadMs = (CpuClock.THREAD.nanos() - thread) / 1e6;
        double processMs = (CpuClock.PROCESS.nanos() - process) / 1e6;
        assertTrue(threadMs < 10, "the waiting thread's clock read " + threadMs + " ms");
        assertTrue(processMs >= 50, "the process clock read " + processMs + " ms of a 60 ms spin (10 ms ticks)");
    }

    @Test
    void labelsReadBackAndAMissingOneIsTheProcessClock() {
        for (CpuClock clock : CpuClock.values()) {
            assertEquals(clock, CpuClock.ofLabel(clock.label()));
        }
        assertEquals(CpuClock.PROCESS, CpuClock.ofLabel(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuClock.ofLabel("wall"));
        assertTrue(e.getMessage().contains("'wall'"), e.getMessage());
    }

    /** Spins on this thread until its CPU clock advanced {@code nanos}. */
    private static void spin(long nanos) {
        long until = THREADS.getCurrentThreadCpuTime() + nanos;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            Math.sqrt(until);
        }
    }
}
