package org.fmmbench.tasks.known;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstTokenTaskProviderTest {
    @TempDir
    Path cache;

    private Task open(int seqLength, int maxTrain) {
        return TaskRegistry.open("first-token", new TaskOptions(null, cache, "auto", seqLength, 3L, maxTrain, 0, 0, "pad"));
    }

    @Test
    void labelIsTheFirstTokenAndNoOtherTokenIsALabelSymbol() {
        try (Task t = open(64, 500)) {
            assertEquals(10, t.info().numClasses());
            assertEquals(21, t.info().vocabSize());
            Split train = t.split(SplitName.TRAIN);
            assertEquals(500, train.size());
            int[] counts = new int[10];
            int[] dst = new int[64];
            for (int i = 0; i < train.size(); i++) {
                train.tokens(i, 0, dst);
                assertEquals(train.label(i) + 1, dst[0]);
                counts[train.label(i)]++;
                int length = 1;
                while (length < 64 && dst[length] != 0) {
                    assertTrue(dst[length] > 10 && dst[length] <= 20, "noise symbol " + dst[length]);
                    length++;
                }
                assertTrue(length >= 32, "documents fill at least half the content: " + length);
                for (int p = length; p < 64; p++) {
                    assertEquals(0, dst[p], "padding after the document");
                }
            }
            for (int c : counts) {
                assertTrue(c > 25 && c < 75, "classes roughly balanced: " + java.util.Arrays.toString(counts));
            }
        }
    }

    @Test
    void heldOutSplitsDoNotDependOnTheTrainingCap() {
        int[][] small = firstTokensOfTest(open(64, 100));
        int[][] large = firstTokensOfTest(open(64, 300));
        assertArrayEquals(small[0], large[0]);
        assertArrayEquals(small[1], large[1]);
    }

    private static int[][] firstTokensOfTest(Task t) {
        try (t) {
            Split test = t.split(SplitName.TEST);
            int[] labels = new int[test.size()];
            int[] tail = new int[test.size()];
            int[] dst = new int[64];
            for (int i = 0; i < test.size(); i++) {
                labels[i] = test.label(i);
                test.tokens(i, 0, dst);
                tail[i] = dst[40];
            }
            return new int[][] {labels, tail};
        }
    }
}
