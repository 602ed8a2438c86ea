package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WindowPlanTest {
    @ParameterizedTest
    @CsvSource({"100,8,1", "100,8,4", "100,8,8", "101,8,3", "9,8,1", "5,8,4", "2,8,1", "64,16,5"})
    void everyTargetIsScoredExactlyOnceWithAtLeastWindowMinusStridePlusOneInputs(long length, int window,
            int stride) {
        List<WindowPlan.Window> plan = WindowPlan.windows(length, window, stride, 0,
                WindowPlan.count(length, window, stride));
        int[] times = new int[(int) length];
        for (int i = 0; i < plan.size(); i++) {
            WindowPlan.Window w = plan.get(i);
            assertTrue(w.start() >= 0 && w.start() + w.length() <= length - 1, "window inside the stream: " + w);
            assertTrue(w.scored() >= 1 && w.scored() <= w.length());
            for (long t = w.firstScoredTarget(); t <= w.start() + w.length(); t++) {
                times[(int) t]++;
                long inputsSeen = t - w.start();
                if (i > 0) {
                    assertTrue(inputsSeen >= window - stride + 1, "target " + t + " saw " + inputsSeen);
                }
            }
        }
        assertEquals(0, times[0]);
        for (int t = 1; t < length; t++) {
            assertEquals(1, times[t], "target " + t);
        }
    }

    @Test
    void strideOneGivesEveryLaterTargetExactlyTheWholeWindowAsContext() {
        List<WindowPlan.Window> plan = WindowPlan.windows(300, 256, 1, 0, WindowPlan.count(300, 256, 1));
        assertEquals(1 + (299 - 256), plan.size());
        for (WindowPlan.Window w : plan.subList(1, plan.size())) {
            assertEquals(1, w.scored());
            assertEquals(256, w.firstScoredTarget() - w.start());
        }
    }

    @Test
    void rejectsImpossibleStrides() {
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.check(256, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowPlan.check(256, 257));
        assertTrue(e.getMessage().contains("stride"));
    }
}
