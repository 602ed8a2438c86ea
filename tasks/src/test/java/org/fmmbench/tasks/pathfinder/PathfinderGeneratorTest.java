package org.fmmbench.tasks.pathfinder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PathfinderGeneratorTest {
    /** Any trace of the snake counts as ink. */
    private static final float INK = 0f;
    /** Consecutive dashes of a snake are up to three pixels apart (the dashed look), so the fill may step that far. */
    private static final int REACH = 3;
    private static final PathfinderGenerator HARD = new PathfinderGenerator(PathfinderParams.pathfinder32(14));

    private static final List<PathfinderSample> SAMPLES = IntStream.range(0, 2000)
            .mapToObj(i -> HARD.generate(PathfinderDatasetWriter.imageSeed(1, i))).toList();

    @Test
    void labelsAreBalancedWithinThreePercentOverTwoThousandImages() {
        int positives = SAMPLES.stream().mapToInt(PathfinderSample::label).sum();
        assertTrue(Math.abs(positives - 1000) <= 60, positives + " positives of 2000");
    }

    @Test
    void bothMarkersAreDrawnBrightAndApart() {
        for (PathfinderSample s : SAMPLES) {
            for (int[] m : s.markers()) {
                assertTrue((s.pixels()[m[0] * s.side() + m[1]] & 0xFF) >= 100, "marker centre is bright");
            }
            assertFalse(s.markers()[0][0] == s.markers()[1][0] && s.markers()[0][1] == s.markers()[1][1]);
        }
    }

    @Test
    void positivesAreJoinedByTheMarkedSnake() {
        for (int i = 0; i < SAMPLES.size(); i++) {
            PathfinderSample s = SAMPLES.get(i);
            if (s.label() == 1) {
                assertTrue(connected(s.snakes()[s.markedSnake()], s.side(), s.markers()[0], s.markers()[1]),
                        "image " + i + ": the marked snake does not lead to the second marker");
            }
        }
    }

    /**
     * In a negative the second marker sits on the other snake's end. As in the original generator the two
     * target snakes may touch (each one's newest paddle is masked one step late), so the marked snake
     * occasionally passes the second marker; this must stay rare.
     */
    @Test
    void negativesRarelyHaveTheMarkedSnakeUnderTheSecondMarker() {
        int negatives = 0;
        int touching = 0;
        for (PathfinderSample s : SAMPLES) {
            if (s.label() == 0) {
                negatives++;
                int[] b = s.markers()[1];
                if (s.snakes()[s.markedSnake()][b[0] * s.side() + b[1]] > 0.3f) {
                    touching++;
                }
            }
        }
        assertTrue(touching <= 0.03 * negatives, touching + " of " + negatives + " negatives");
    }

    @Test
    void theSameSeedGivesTheSameImageAndOthersDiffer() {
        PathfinderSample a = HARD.generate(99);
        PathfinderSample b = new PathfinderGenerator(PathfinderParams.pathfinder32(14)).generate(99);
        assertArrayEquals(a.pixels(), b.pixels());
        assertFalse(java.util.Arrays.equals(a.pixels(), HARD.generate(100).pixels()));
    }

    @Test
    void easierSetsHaveShorterTargetSnakes() {
        PathfinderGenerator easy = new PathfinderGenerator(PathfinderParams.pathfinder32(6));
        long hardInk = 0;
        long easyInk = 0;
        for (int i = 0; i < 100; i++) {
            hardInk += ink(HARD.generate(i).snakes()[0]);
            easyInk += ink(easy.generate(i).snakes()[0]);
        }
        assertTrue(easyInk * 2 < hardInk, "contour 6 vs 14: " + easyInk + " vs " + hardInk);
        assertEquals("curv_baseline", PathfinderParams.pathfinder32(6).difficultyDir());
    }

    private static long ink(float[] image) {
        long n = 0;
        for (float v : image) {
            if (v > 0.1f) {
                n++;
            }
        }
        return n;
    }

    /**
     * Flood fill from marker {@code a} over the pixels the snake alone inked, stepping over the gaps
     * between its dashes; true when it gets within one pixel of marker {@code b}.
     */
    static boolean connected(float[] snake, int side, int[] a, int[] b) {
        boolean[] ink = new boolean[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (snake[y * side + x] > INK) {
                    ink[y * side + x] = true;
                }
            }
        }
        boolean[] seen = new boolean[side * side];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(a);
        seen[a[0] * side + a[1]] = true;
        while (!queue.isEmpty()) {
            int[] c = queue.poll();
            if (Math.abs(c[0] - b[0]) <= 1 && Math.abs(c[1] - b[1]) <= 1) {
                return true;
            }
            for (int dy = -REACH; dy <= REACH; dy++) {
                for (int dx = -REACH; dx <= REACH; dx++) {
                    int y = c[0] + dy;
                    int x = c[1] + dx;
                    if (y >= 0 && y < side && x >= 0 && x < side && !seen[y * side + x] && ink[y * side + x]) {
                        seen[y * side + x] = true;
                        queue.add(new int[] {y, x});
                    }
                }
            }
        }
        return false;
    }
}
