package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.TaskInfo;

/**
 * Copies examples of a split into reused int buffers and makes one (B, N) array per document plus the labels,
 * all owned by the caller's (per-step) manager.
 */
final class BatchAssembler {
    /** Model inputs (one token array per document) and int64 labels of one batch. */
    record Batch(NDList inputs, NDArray labels) {
    }

    private final Split split;
    private final int seqLength;
    private final int documents;
    private final int[][] tokens;
    private final long[] labels;

    BatchAssembler(Split split, TaskInfo info, int maxBatchSize) {
        this.split = split;
        this.seqLength = info.seqLength();
        this.documents = info.documents();
        this.tokens = new int[documents][maxBatchSize * seqLength];
        this.labels = new long[maxBatchSize];
    }

    Batch assemble(NDManager manager, int[] indices) {
        return assemble(manager, indices, 0, indices.length);
    }

    Batch assemble(NDManager manager, int[] indices, int from, int count) {
        int[] row = new int[seqLength];
        for (int b = 0; b < count; b++) {
            int example = indices[from + b];
            labels[b] = split.label(example);
            for (int d = 0; d < documents; d++) {
                split.tokens(example, d, row);
                System.arraycopy(row, 0, tokens[d], b * seqLength, seqLength);
            }
        }
        NDList inputs = new NDList(documents);
        Shape shape = new Shape(count, seqLength);
        for (int d = 0; d < documents; d++) {
            inputs.add(manager.create(java.nio.IntBuffer.wrap(tokens[d], 0, count * seqLength), shape));
        }
        long[] batchLabels = java.util.Arrays.copyOf(labels, count);
        return new Batch(inputs, manager.create(batchLabels));
    }
}
