package org.fmmbench.harness.train;

import java.util.SplittableRandom;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;

/**
 * A learnable toy task: label 1 when the marker token appears in the (first) document, else 0. Documents are
 * random tokens 1..vocab-2 followed by padding; the marker is vocab-1.
 */
final class MarkerTask implements Task {
    static final int VOCAB = 8;
    static final int MARKER = VOCAB - 1;

    private final TaskInfo info;
    private final MemorySplit train;
    private final MemorySplit val;
    private final MemorySplit test;
    private boolean closed;

    MarkerTask(int seqLength, int documents, int trainSize, int valSize, int testSize, long seed) {
        info = new TaskInfo("marker", "marker-generated", VOCAB, 2, seqLength, documents, 0);
        SplittableRandom random = new SplittableRandom(seed);
        train = new MemorySplit(trainSize, seqLength, documents, random);
        val = new MemorySplit(valSize, seqLength, documents, random);
        test = new MemorySplit(testSize, seqLength, documents, random);
    }

    @Override
    public TaskInfo info() {
        return info;
    }

    @Override
    public Split split(SplitName which) {
        return switch (which) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static final class MemorySplit implements Split {
        private final int[][][] tokens;
        private final int[] labels;

        MemorySplit(int size, int seqLength, int documents, SplittableRandom random) {
            tokens = new int[size][documents][seqLength];
            labels = new int[size];
            for (int i = 0; i < size; i++) {
                labels[i] = random.nextInt(2);
                for (int d = 0; d < documents; d++) {
                    int length = seqLength / 2 + random.nextInt(seqLength / 2 + 1);
                    for (int p = 0; p < length; p++) {
                        tokens[i][d][p] = 1 + random.nextInt(VOCAB - 2);
                    }
                    if (d == 0 && labels[i] == 1) {
                        tokens[i][d][random.nextInt(length)] = MARKER;
                    }
                }
            }
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public int label(int index) {
            return labels[index];
        }

        @Override
        public void tokens(int index, int doc, int[] dst) {
            System.arraycopy(tokens[index][doc], 0, dst, 0, dst.length);
        }
    }
}
