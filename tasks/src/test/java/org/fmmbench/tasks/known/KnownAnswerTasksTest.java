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

class KnownAnswerTasksTest {
    private static final int N = 64;

    @TempDir
    Path cache;

    private Task open(String task, int maxTrain) {
        return TaskRegistry.open(task, new TaskOptions(null, cache, "auto", N, 3L, maxTrain, 0, 0, "pad"));
    }

    @Test
    void firstTokenLabelIsTheFirstTokenAndNoOtherTokenIsALabelSymbol() {
        try (Task t = open("first-token", 500)) {
            assertEquals(10, t.info().numClasses());
            assertEquals(21, t.info().vocabSize());
            Split train = t.split(SplitName.TRAIN);
            assertEquals(500, train.size());
            int[] dst = new int[N];
            for (int i = 0; i < train.size(); i++) {
                train.tokens(i, 0, dst);
                assertEquals(train.label(i) + 1, dst[0]);
                int length = lengthChecked(dst);
                for (int p = 1; p < length; p++) {
                    assertTrue(dst[p] > 10 && dst[p] <= 20, "noise symbol " + dst[p]);
                }
            }
            assertBalanced(train);
        }
    }

    @Test
    void majorityLabelIsTheStrictlyMostFrequentSymbol() {
        try (Task t = open("majority", 500)) {
            Split train = t.split(SplitName.TRAIN);
            int[] dst = new int[N];
            for (int i = 0; i < train.size(); i++) {
                train.tokens(i, 0, dst);
                int[] counts = new int[11];
                for (int p = 0, n = lengthChecked(dst); p < n; p++) {
                    assertTrue(dst[p] >= 1 && dst[p] <= 10, "label symbol " + dst[p]);
                    counts[dst[p]]++;
                }
                for (int s = 1; s <= 10; s++) {
                    assertTrue(s == train.label(i) + 1 || counts[s] < counts[train.label(i) + 1],
                            "label " + train.label(i) + " is not the strict majority in example " + i);
                }
            }
            assertBalanced(train);
        }
    }

    @Test
    void heldOutSplitsDoNotDependOnTheTrainingCap() {
        for (String task : new String[] {"first-token", "majority"}) {
            int[][] small = labelsAndTokensOfTest(open(task, 100));
            int[][] large = labelsAndTokensOfTest(open(task, 300));
            assertArrayEquals(small[0], large[0], task);
            assertArrayEquals(small[1], large[1], task);
        }
    }

    /** The document's length, after checking that it fills at least half the content and is followed by padding. */
    private static int lengthChecked(int[] dst) {
        int length = 0;
        while (length < dst.length && dst[length] != 0) {
            length++;
        }
        assertTrue(length >= dst.length / 2, "documents fill at least half the content: " + length);
        for (int p = length; p < dst.length; p++) {
            assertEquals(0, dst[p], "padding after the document");
        }
        return length;
    }

    private static void assertBalanced(Split split) {
        int[] counts = new int[10];
        for (int i = 0; i < split.size(); i++) {
            counts[split.label(i)]++;
        }
        for (int c : counts) {
            assertTrue(c > split.size() / 20 && c < split.size() * 3 / 20, "classes roughly balanced: "
                    + java.util.Arrays.toString(counts));
        }
    }

    private static int[][] labelsAndTokensOfTest(Task t) {
        try (t) {
            Split test = t.split(SplitName.TEST);
            int[] labels = new int[test.size()];
            int[] tokens = new int[test.size()];
            int[] dst = new int[N];
            for (int i = 0; i < test.size(); i++) {
                labels[i] = test.label(i);
                test.tokens(i, 0, dst);
                tokens[i] = dst[40];
            }
            return new int[][] {labels, tokens};
        }
    }
}
