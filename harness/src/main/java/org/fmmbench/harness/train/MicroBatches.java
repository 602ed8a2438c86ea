package org.fmmbench.harness.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * Gradient accumulation over the passes of one optimiser step: each pass back-propagates its share of the
 * batch-mean loss, so the gradients that add up in the parameters are the whole batch's. Each pass has its own
 * manager, closed right after its backward: DJL keeps every array a forward made alive until its manager closes,
 * so one manager for the step would hold all passes' activations at once and save no memory.
 */
final class MicroBatches {
    /** The mean loss of examples {@code from .. from + count - 1} of the batch, computed in {@code manager}. */
    interface PassLoss {
        NDArray of(NDManager manager, int from, int count);
    }

    private MicroBatches() {
    }

    /**
     * Runs forward and backward for every pass of {@code passSize} examples (the last may be smaller) and
     * returns the batch-mean loss.
     *
     * @throws DivergedException as soon as a pass's loss is NaN or infinite
     */
    static double backward(NDManager stepManager, int step, int batchSize, int passSize, PassLoss passLoss) {
        double loss = 0;
        for (int from = 0; from < batchSize; from += passSize) {
            int count = Math.min(passSize, batchSize - from);
            try (NDManager passManager = stepManager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossArray = passLoss.of(passManager, from, count);
                if (count < batchSize) {
                    lossArray = lossArray.mul(passManager.create((float) count / batchSize));
                }
                double share = lossArray.getFloat();
                if (!Double.isFinite(share)) {
                    throw new DivergedException(step, share);
                }
                loss += share;
                collector.backward(lossArray);
            }
        }
        return loss;
    }
}
