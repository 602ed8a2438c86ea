package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingOrderTest {
    @Test
    void everyEpochVisitsEachExampleOnceInASeededOrder() {
        TrainingOrder order = new TrainingOrder(10, 42);
        int[] firstEpoch = concat(order.next(4), order.next(4), Arrays.copyOf(order.next(4), 2));
        int[] sorted = firstEpoch.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);

        TrainingOrder again = new TrainingOrder(10, 42);
        assertArrayEquals(Arrays.copyOf(firstEpoch, 4), again.next(4));
        assertFalse(Arrays.equals(Arrays.copyOf(firstEpoch, 10), concat(new TrainingOrder(10, 43).next(10))));
    }

    @Test
    void batchesStraddleEpochBoundaries() {
        TrainingOrder order = new TrainingOrder(3, 1);
        int[] six = order.next(6);
        int[] firstHalf = Arrays.copyOf(six, 3);
        int[] secondHalf = Arrays.copyOfRange(six, 3, 6);
        Arrays.sort(firstHalf);
        Arrays.sort(secondHalf);
        assertArrayEquals(new int[] {0, 1, 2}, firstHalf);
        assertArrayEquals(new int[] {0, 1, 2}, secondHalf);
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
