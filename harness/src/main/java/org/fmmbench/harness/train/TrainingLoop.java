package org.fmmbench.harness.train;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * The loop both trainers share: optimiser steps, a validation every {@code evalEvery} steps and after the last,
 * a snapshot of the parameters at the best validation, the learning curve and the timings. What a step and a
 * validation are is the trainer's business.
 */
final class TrainingLoop {
    /** One optimiser step of a cell. */
    interface Step {
        /** Runs step {@code step} (1-based), adds its timed part to {@code times} and returns its training loss. */
        double run(int step, StepTimes times);
    }

    /**
     * One validation.
     *
     * @param score what the best checkpoint maximises (accuracy, or minus the mean log-likelihood loss)
     * @param accuracy validation accuracy, NaN for language modelling
     * @param loss mean validation cross-entropy
     * @param perplexity validation perplexity, NaN for classification
     */
    record Validation(double score, double accuracy, double loss, double perplexity) {
    }

    /**
     * What the loop measured; the model holds the last parameters, {@code best} those of the best validation.
     *
     * @param tailLoss mean training loss over the last {@code min(evalEvery, steps)} steps
     * @param trainMs wall-clock of the loop without its validations
     * @param evalNanos wall-clock of the validations (trainers add their test passes)
     */
    record Outcome(List<CurvePoint> curve, StepTimes times, double tailLoss, int bestStep, Validation bestValidation,
            ParameterSnapshot best, long trainMs, long evalNanos) {
    }

    private TrainingLoop() {
    }

    /**
     * Runs {@code steps} steps of {@code step} on {@code model}, validating with {@code validate}.
     *
     * @param lr the learning rate of each 1-based step, for the curve and the listener
     */
    static Outcome run(Block model, int steps, int evalEvery, IntToDoubleFunction lr, Step step,
            Supplier<Validation> validate, TrainingListener listener) {
        List<CurvePoint> curve = new ArrayList<>(steps);
        StepTimes times = new StepTimes(steps);
        double[] losses = new double[steps];
        Validation bestValidation = null;
        int bestStep = 0;
        ParameterSnapshot best = null;
        long evalNanos = 0;
        long start = System.nanoTime();
        for (int s = 1; s <= steps; s++) {
            double loss = step.run(s, times);
            losses[s - 1] = loss;
            double rate = lr.applyAsDouble(s);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            listener.onStep(s, steps, loss, rate, elapsedMs);
            Validation val = null;
            if (s % evalEvery == 0 || s == steps) {
                long evalStart = System.nanoTime();
                val = validate.get();
                // Strictly better: the first of equal validations is kept.
                if (bestValidation == null || val.score() > bestValidation.score()) {
                    bestValidation = val;
                    bestStep = s;
                    best = ParameterSnapshot.of(model);
                }
                evalNanos += System.nanoTime() - evalStart;
                listener.onEvaluation(s, val.accuracy(), val.loss());
            }
            curve.add(new CurvePoint(s, loss, val == null ? Double.NaN : val.accuracy(), rate, elapsedMs,
                    val == null ? Double.NaN : val.perplexity()));
        }
        long trainMs = (System.nanoTime() - start - evalNanos) / 1_000_000;
        int tail = Math.min(evalEvery, steps);
        double tailLoss = 0;
        for (int i = steps - tail; i < steps; i++) {
            tailLoss += losses[i];
        }
        return new Outcome(curve, times, tailLoss / tail, bestStep, bestValidation, best, trainMs, evalNanos);
    }
}
