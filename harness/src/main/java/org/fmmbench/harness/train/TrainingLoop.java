package org.fmmbench.harness.train;

import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * The loop both trainers share: optimiser steps, a validation every {@code evalEvery} steps and after the last,
 * a snapshot of the parameters at the best validation, the learning curve and the timings, and checkpoints from
 * which an interrupted cell resumes exactly. What a step and a validation are is the trainer's business.
 *
 * <p>The engine's random generator (dropout) is reseeded from (seed, step) before every step: DJL cannot save
 * PyTorch's generator state, and with a per-step seed a resumed cell draws the same dropout masks as one that
 * never stopped.
 */
final class TrainingLoop {
    /** One optimiser step of a cell. */
    interface Step {
        /** Runs step {@code step} (1-based), adds its timed part to {@code times} and returns its training loss. */
        double run(int step, StepTimes times);
    }

    /** What a trainer keeps besides the model's parameters, for its checkpoints. */
    interface TrainerState {
        /** The optimiser's moments by parameter name. */
        Map<String, float[]> optimizer();

        /** Puts back the optimiser's moments and moves the data order past {@code completedSteps} steps. */
        void restore(Map<String, float[]> optimizer, int completedSteps);

        /**
         * The state of a trainer whose optimiser keeps {@code moments} for {@code model}'s parameters and whose data
         * order {@code skipData} moves past a number of completed steps.
         */
        static TrainerState of(Block model, OptimizerMoments moments, IntConsumer skipData) {
            return new TrainerState() {
                @Override
                public Map<String, float[]> optimizer() {
                    return moments.save(model);
                }

                @Override
                public void restore(Map<String, float[]> optimizer, int completedSteps) {
                    moments.restore(model, optimizer);
                    skipData.accept(completedSteps);
                }
            };
        }
    }

    /**
     * How a run checkpoints and what it resumes from.
     *
     * @param from the checkpoint to continue, {@code null} to start afresh
     */
    record Checkpoints(Checkpointing settings, CellCheckpoint from, TrainerState trainer) {
        /** Whether the run starts from a checkpoint, and after how many steps. */
        int resumedAfter() {
            return from == null ? 0 : from.completedSteps();
        }
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
     * @param trainMs wall-clock of the loop without its validations and checkpoint writes, over all attempts
     * @param evalNanos wall-clock of the validations (trainers add their test passes)
     * @param resumedAfter steps a checkpoint had already completed, 0 when the run started afresh
     */
    record Outcome(List<CurvePoint> curve, StepTimes times, double tailLoss, int bestStep, Validation bestValidation,
            ParameterSnapshot best, long trainMs, long evalNanos, int resumedAfter) {
    }

    private TrainingLoop() {
    }

    /**
     * Runs steps {@code 1 .. steps} of {@code step} on {@code model} (those after the checkpoint, if there is one),
     * validating with {@code validate}.
     *
     * @param lr the learning rate of each 1-based step, for the curve and the listener
     * @param seed the cell's seed, from which each step's dropout seed is drawn
     */
    static Outcome run(Block model, int steps, int evalEvery, IntToDoubleFunction lr, Step step,
            Supplier<Validation> validate, TrainingListener listener, long seed, Checkpoints checkpoints) {
        List<CurvePoint> curve = new ArrayList<>(steps);
        StepTimes times = new StepTimes(steps);
        Validation bestValidation = null;
        int bestStep = 0;
        ParameterSnapshot best = null;
        long evalNanos = 0;
        long pauseNanos = 0;
        long start = System.nanoTime();
        CellCheckpoint from = checkpoints.from();
        if (from != null) {
            if (from.completedSteps() > steps) {
                throw new IllegalStateException("Checkpoint " + checkpoints.settings().file() + " is at step "
                        + from.completedSteps() + " of a " + steps + "-step cell: delete it to train afresh.");
            }
            ParameterSnapshot.of(from.parameters()).restoreInto(model);
            checkpoints.trainer().restore(from.optimizer(), from.completedSteps());
            curve.addAll(from.curve());
            times.restore(from.wallNanos(), from.cpuNanos());
            bestValidation = from.bestValidation();
            bestStep = from.bestStep();
            best = from.best() == null ? null : ParameterSnapshot.of(from.best());
            evalNanos = from.evalNanos();
            pauseNanos = from.pauseNanos();
            start -= from.elapsedNanos();
        }
        Checkpointing settings = checkpoints.settings();
        long lastCheckpoint = System.nanoTime();
        try (StopSignal stop = settings.enabled() ? StopSignal.install() : null) {
            for (int s = checkpoints.resumedAfter() + 1; s <= steps; s++) {
                Engine.getInstance().setRandomSeed(stepSeed(seed, s));
                double loss = step.run(s, times);
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
                boolean stopping = stop != null && stop.requested();
                long now = System.nanoTime();
                if (stopping || settings.due(s, now - lastCheckpoint)) {
                    settings.write(new CellCheckpoint(settings.configHash(), s, now - start, evalNanos, pauseNanos,
                            bestStep, bestValidation, curve, times.wallNanos(), times.cpuNanos(),
                            ParameterSnapshot.of(model).values(), checkpoints.trainer().optimizer(),
                            best == null ? null : best.values()));
                    lastCheckpoint = System.nanoTime();
                    pauseNanos += lastCheckpoint - now;
                    System.err.printf(Locale.ROOT, "checkpoint after step %d: %s written in %.0f ms%s%n", s,
                            settings.file(), (lastCheckpoint - now) / 1e6, stopping ? " (stop requested)" : "");
                    if (stopping) {
                        stop.checkpointWritten();
                    }
                }
            }
        }
        long trainMs = (System.nanoTime() - start - evalNanos - pauseNanos) / 1_000_000;
        int tail = Math.min(evalEvery, steps);
        double tailLoss = 0;
        for (int i = steps - tail; i < steps; i++) {
            tailLoss += curve.get(i).trainLoss();
        }
        return new Outcome(curve, times, tailLoss / tail, bestStep, bestValidation, best, trainMs, evalNanos,
                checkpoints.resumedAfter());
    }

    /** The dropout seed of a step: a function of the cell's seed and the step only. */
    static int stepSeed(long seed, int step) {
        return Long.hashCode(new SplittableRandom(seed ^ ((long) step << 32)).nextLong());
    }
}
