package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftFlagsTest {
    private static final long MS = 1_000_000;
    private static final long MIB = 1024;

    @Test
    void steadyStepsRaiseNoFlag() {
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), constant(20, 300 * MIB)));
    }

    @Test
    void stepTimeDoublingOverTrainingIsStepTimeDrift() {
        long[] cpu = new long[20];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = (40 + 4L * i) * MS; // 40 ms -> 116 ms
        }
        assertEquals(List.of(DriftFlags.STEP_TIME_DRIFT), DriftFlags.of(cpu, constant(20, 300 * MIB)));
    }

    @Test
    void residentSetGrowingByALeakIsRssDriftButSmallGrowthIsNot() {
        long[] leak = new long[20];
        long[] small = new long[20];
        for (int i = 0; i < leak.length; i++) {
            leak[i] = (300 + 10L * i) * MIB; // +190 MiB, +63 %
            small[i] = (300 + 2L * i) * MIB; // +38 MiB: under 64 MiB
        }
        assertEquals(List.of(DriftFlags.RSS_DRIFT), DriftFlags.of(constant(20, 40 * MS), leak));
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), small));
    }

    @Test
    void unknownResidentSetOrTooFewStepsRaiseNoFlag() {
        long[] leak = constant(20, 300 * MIB);
        leak[0] = -1;
        leak[19] = 900 * MIB;
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), leak));
        assertEquals(List.of(), DriftFlags.of(new long[] {MS, MS, 9 * MS}, new long[] {1, 1, 900 * MIB}));
    }

    private static long[] constant(int n, long value) {
        long[] v = new long[n];
        Arrays.fill(v, value);
        return v;
    }
}
