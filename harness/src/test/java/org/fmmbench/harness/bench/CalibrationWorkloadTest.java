package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fmmbench.harness.results.Calibration;
import org.fmmbench.harness.results.CpuClock;
import org.junit.jupiter.api.Test;

class CalibrationWorkloadTest {
    @Test
    void theCalibrationIsReadOnTheClockOfTheEnginesThreadCount() {
        Calibration c = CalibrationWorkload.measure(1);
        // the thread count takes effect only if this test loaded the engine; the clock must follow the count used
        assertEquals(CpuClock.forThreads(c.threads()).label(), c.cpuClock());
        assertTrue(c.matmulCpuMs() > 0 && c.elementwiseCpuMs() > 0, c.toString());
        assertEquals(c.cpuMs(), c.matmulCpuMs() + c.elementwiseCpuMs(), c.cpuMs() * 0.5, c.toString());
        if (c.clock() == CpuClock.THREAD) {
            // nanosecond readings, not multiples of a 10 ms tick (7 medians of ns differences)
            assertTrue(c.matmulCpuMs() % 10 != 0 || c.elementwiseCpuMs() % 10 != 0, c.toString());
        }
    }
}
