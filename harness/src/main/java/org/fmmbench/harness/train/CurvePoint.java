package org.fmmbench.harness.train;

/**
 * One training step of a cell's learning curve.
 *
 * @param step 1-based optimiser step
 * @param trainLoss that step's mean training cross-entropy
 * @param valAccuracy validation accuracy measured right after the step, NaN when the step was not evaluated
 * @param lr learning rate the step used
 * @param elapsedMs wall-clock from the start of training to the end of this step, earlier evaluations included
 * @param valPerplexity language modelling: validation perplexity measured right after the step, NaN otherwise
 */
public record CurvePoint(int step, double trainLoss, double valAccuracy, double lr, long elapsedMs,
        double valPerplexity) {

    /** A classification step: no perplexity. */
    public CurvePoint(int step, double trainLoss, double valAccuracy, double lr, long elapsedMs) {
        this(step, trainLoss, valAccuracy, lr, elapsedMs, Double.NaN);
    }
}
