package org.fmmbench.harness.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;

/**
 * One optimiser step of a classification cell: forward and backward of a batch in micro-batches
 * ({@link MicroBatches}) with the trainer's loss, then the trainer's optimiser update. The two halves are separate
 * so that the accumulated gradients can be looked at in between (the parity test with the official code measures
 * their global norm there).
 */
final class ClassifierStep {
    private final Trainer trainer;
    private final BatchAssembler batches;
    private final int passSize;

    ClassifierStep(Trainer trainer, BatchAssembler batches, int passSize) {
        this.trainer = trainer;
        this.batches = batches;
        this.passSize = passSize;
    }

    /**
     * Leaves the gradient of the batch-mean loss over {@code examples} in the parameters and returns that loss.
     *
     * @throws DivergedException as soon as a pass's loss is NaN or infinite
     */
    double backward(NDManager stepManager, int step, int[] examples) {
        return MicroBatches.backward(stepManager, step, examples.length, passSize, (passManager, from, count) -> {
            BatchAssembler.Batch batch = batches.assemble(passManager, examples, from, count);
            NDList logits = trainer.forward(batch.inputs());
            return trainer.getLoss().evaluate(new NDList(batch.labels()), logits);
        });
    }

    /** Applies the optimiser to the accumulated gradients (and clears them). */
    void update() {
        trainer.step();
    }
}
