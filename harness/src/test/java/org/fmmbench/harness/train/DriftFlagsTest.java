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
    void residentSetStillGrowingInTheSecondHalfIsRssDriftButSmallGrowthIsNot() {
        long[] leak = new long[20];
        long[] small = new long[20];
        for (int i = 0; i < leak.length; i++) {
            leak[i] = (300 + 20L * i) * MIB; // third quarter 540 MiB -> last 640 MiB: +100 MiB, +19 %
            small[i] = (300 + 4L * i) * MIB; // +20 MiB: under 32 MiB
        }
        assertEquals(List.of(DriftFlags.RSS_DRIFT), DriftFlags.of(constant(20, 40 * MS), leak));
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), small));
    }

    @Test
    void residentSetGrowingOnlyInTheFirstQuarterIsWarmUpNotDrift() {
        long[] warmUp = constant(20, 1200 * MIB);
        for (int i = 0; i < 5; i++) {
            warmUp[i] = (800 + 80L * i) * MIB; // 800 -> 1,120 MiB, then flat: the allocators reaching their size
        }
        warmUp[19] = 1210 * MIB;
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), warmUp));
    }

    @Test
    void unknownResidentSetInTheSecondHalfOrTooFewStepsRaiseNoFlag() {
        long[] leak = new long[20];
        for (int i = 0; i < leak.length; i++) {
            leak[i] = (300 + 20L * i) * MIB;
        }
        leak[11] = -1; // a resumed cell's restored step
        assertEquals(List.of(), DriftFlags.of(constant(20, 40 * MS), leak));
        leak[11] = 520 * MIB;
        leak[0] = -1; // restored steps in the first half do not hide a leak in the second
        assertEquals(List.of(DriftFlags.RSS_DRIFT), DriftFlags.of(constant(20, 40 * MS), leak));
        assertEquals(List.of(), DriftFlags.of(new long[] {MS, MS, 9 * MS}, new long[] {1, 1, 900 * MIB}));
    }

    private static long[] constant(int n, long value) {
        long[] v = new long[n];
        Arrays.fill(v, value);
        return v;
    }
}
