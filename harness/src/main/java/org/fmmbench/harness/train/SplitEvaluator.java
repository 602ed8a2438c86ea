package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import java.util.HashMap;
import java.util.Map;
import org.fmmbench.tasks.Split;

/**
 * Accuracy and mean cross-entropy of the current parameters on a split, in fixed order (examples 0, 1, ...),
 * without dropout and without recording gradients.
 */
final class SplitEvaluator {
    /**
     * Accuracy and mean loss over the evaluated examples, their number, and the share of them in their most
     * frequent class (the accuracy of a model that always answers that class).
     */
    record Evaluation(double accuracy, double loss, int examples, double majorityRate) {
    }

    private final Trainer trainer;
    private final BatchAssembler assembler;
    private final int batchSize;
    private final int passSize;
    private final int[] order;

    /**
     * @param batchSize the training batch: evaluation counts its batches in these units
     * @param passSize examples per forward pass (the micro-batch), so evaluation fits where training does
     */
    SplitEvaluator(Trainer trainer, BatchAssembler assembler, Split split, int batchSize, int passSize) {
        this.trainer = trainer;
        this.assembler = assembler;
        this.batchSize = batchSize;
        this.passSize = passSize;
        this.order = new int[split.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /**
     * Validation: the first {@code maxBatches} batches, or every example (last batch possibly partial) when
     * {@code maxBatches} is 0.
     */
    Evaluation validation(int maxBatches) {
        int examples = maxBatches == 0 ? order.length : Math.min(order.length, maxBatches * batchSize);
        return run(examples);
    }

    /**
     * Test: full batches only, as the official loader's {@code drop_last}; at most {@code maxBatches} of them
     * (0 = all). A split smaller than one batch is evaluated whole rather than not at all.
     */
    Evaluation test(int maxBatches) {
        int fullBatches = order.length / batchSize;
        if (fullBatches == 0) {
            return run(order.length);
        }
        int batches = maxBatches == 0 ? fullBatches : Math.min(fullBatches, maxBatches);
        return run(batches * batchSize);
    }

    private Evaluation run(int examples) {
        if (examples == 0) {
            throw new IllegalStateException("Nothing to evaluate: the split is empty.");
        }
        long correct = 0;
        double lossSum = 0;
        Map<Long, Integer> classCounts = new HashMap<>();
        for (int from = 0; from < examples; from += passSize) {
            int count = Math.min(passSize, examples - from);
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                BatchAssembler.Batch batch = assembler.assemble(batchManager, order, from, count);
                NDArray logits = trainer.evaluate(batch.inputs()).singletonOrThrow();
                NDArray loss = trainer.getLoss().evaluate(new NDList(batch.labels()), new NDList(logits));
                lossSum += loss.getFloat() * (double) count;
                correct += logits.argMax(1).eq(batch.labels()).sum().getLong();
                for (long label : batch.labels().toType(DataType.INT64, false).toLongArray()) {
                    classCounts.merge(label, 1, Integer::sum);
                }
            }
        }
        int majority = classCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Evaluation((double) correct / examples, lossSum / examples, examples, (double) majority / examples);
    }
}
