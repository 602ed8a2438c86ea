package org.fmmbench.harness.train;

import org.fmmbench.tasks.DataSummary;
import java.util.List;

/**
 * What one cell measured (README "Training engine" defines every field precisely).
 *
 * @param dataSource the task's data source, e.g. {@code listops-generated}
 * @param bestValAccuracy highest validation accuracy over all evaluations (first one wins ties)
 * @param bestStep step of that evaluation
 * @param testAccuracyAtBest test accuracy of the parameters saved at {@code bestStep}
 * @param testAccuracyAtLast test accuracy of the parameters after the last step
 * @param finalTrainLoss mean training loss over the last {@code min(evalEvery, steps)} steps
 * @param steps optimiser steps run
 * @param trainWallMs wall-clock of the training loop without evaluations (batch assembly included)
 * @param medianStepMs median wall-clock of forward + backward + optimiser step, warm-up steps excluded
 * @param p90StepMs 90th percentile of the same
 * @param medianStepCpuMs median process CPU time of the same steps (steadier than wall-clock on a shared machine)
 * @param tokensPerSecond batch size x sequence length x documents / median step time
 * @param evalWallMs wall-clock of all validation and test passes
 * @param parameterCount trainable scalars of the model
 * @param curve one point per step
 * @param valPerplexity language modelling: best validation perplexity (then the accuracies are NaN); null otherwise
 * @param testPerplexity test perplexity of the best-validation parameters; null for classification
 * @param bitsPerToken test bits per token of the same (bits per byte on a byte corpus); null for classification
 * @param note what the status detail of a successful cell should say, e.g. that a requested evaluation mode fell
 *     back to another; empty when there is nothing to say
 * @param data the fingerprint and truncated shares of the data the cell saw; null when not known
 * @param testExamples classification: the number of test examples the test accuracies are over; null otherwise
 * @param majorityRate classification: the share of those examples in their most frequent class (the accuracy of
 *     always answering it); null otherwise
 * @param flags pathologies seen in training ({@link DriftFlags}), {@code ;}-separated; empty when none
 */
public record TrainResult(String dataSource, double bestValAccuracy, int bestStep, double testAccuracyAtBest,
        double testAccuracyAtLast, double finalTrainLoss, int steps, long trainWallMs, double medianStepMs,
        double p90StepMs, double medianStepCpuMs, double tokensPerSecond, long evalWallMs, long parameterCount,
        List<CurvePoint> curve, Double valPerplexity, Double testPerplexity, Double bitsPerToken, String note,
        DataSummary data, Integer testExamples, Double majorityRate, String flags) {

    public TrainResult {
        curve = List.copyOf(curve);
        note = note == null ? "" : note;
        flags = flags == null ? "" : flags;
    }

    /** A result without test-set statistics (language modelling). */
    public TrainResult(String dataSource, double bestValAccuracy, int bestStep, double testAccuracyAtBest,
            double testAccuracyAtLast, double finalTrainLoss, int steps, long trainWallMs, double medianStepMs,
            double p90StepMs, double medianStepCpuMs, double tokensPerSecond, long evalWallMs, long parameterCount,
            List<CurvePoint> curve, Double valPerplexity, Double testPerplexity, Double bitsPerToken, String note) {
        this(dataSource, bestValAccuracy, bestStep, testAccuracyAtBest, testAccuracyAtLast, finalTrainLoss, steps,
                trainWallMs, medianStepMs, p90StepMs, medianStepCpuMs, tokensPerSecond, evalWallMs, parameterCount,
                curve, valPerplexity, testPerplexity, bitsPerToken, note, null, null, null, "");
    }

    /** A classification result: no perplexities. */
    public TrainResult(String dataSource, double bestValAccuracy, int bestStep, double testAccuracyAtBest,
            double testAccuracyAtLast, double finalTrainLoss, int steps, long trainWallMs, double medianStepMs,
            double p90StepMs, double medianStepCpuMs, double tokensPerSecond, long evalWallMs, long parameterCount,
            List<CurvePoint> curve) {
        this(dataSource, bestValAccuracy, bestStep, testAccuracyAtBest, testAccuracyAtLast, finalTrainLoss, steps,
                trainWallMs, medianStepMs, p90StepMs, medianStepCpuMs, tokensPerSecond, evalWallMs, parameterCount,
                curve, null, null, null, "", null, null, null, "");
    }

    /** The same result, recording which data produced it. */
    public TrainResult withData(DataSummary summary) {
        return new TrainResult(dataSource, bestValAccuracy, bestStep, testAccuracyAtBest, testAccuracyAtLast,
                finalTrainLoss, steps, trainWallMs, medianStepMs, p90StepMs, medianStepCpuMs, tokensPerSecond,
                evalWallMs, parameterCount, curve, valPerplexity, testPerplexity, bitsPerToken, note, summary,
                testExamples, majorityRate, flags);
    }

    /** Whether this is a language-modelling result (perplexities, no accuracies). */
    public boolean isLanguageModel() {
        return valPerplexity != null;
    }
}
