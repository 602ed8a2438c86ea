package org.fmmbench.harness.config;

/**
 * Optimisation and evaluation schedule of one cell (AdamW, OneCycle linear anneal with beta1 cycling).
 *
 * @param batchSize examples per optimiser step
 * @param steps optimiser steps
 * @param warmupSteps steps of the rising OneCycle phase
 * @param lr peak learning rate
 * @param weightDecay AdamW decoupled weight decay
 * @param evalEvery validate every this many steps
 * @param evalBatches batches of the validation split per evaluation (0 = the whole split)
 * @param testBatches batches of the test split for the final evaluations (0 = the whole split)
 * @param gradClip language modelling: clip the global gradient norm to this (0 = no clipping; the LRA trainer
 *     ignores it, as the official LRA code does not clip)
 * @param evalStride language modelling: sliding-window evaluation stride in tokens (1 = the paper's, 0 = half the
 *     context); ignored by classification tasks
 * @param microBatch examples per forward/backward pass (0 = the whole batch): gradients of the micro-batches are
 *     accumulated into one optimiser step on {@code batchSize} examples, so a batch that does not fit in memory
 *     (softmax at the paper's lengths) still trains with the paper's batch size
 * @param evalMode language modelling: {@code windowed} (sliding windows of {@code evalStride}) or {@code stateful}
 *     (one pass with carried attention state; needs {@code model.positions: stream}, and a variant without finite
 *     state, e.g. softmax, falls back to windowed); ignored by classification tasks
 */
public record TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
        int evalBatches, int testBatches, double gradClip, int evalStride, int microBatch, String evalMode) {

    /** A plan written before {@code evalMode} existed reads back with the windowed evaluation. */
    public TrainConfig {
        evalMode = evalMode == null ? "windowed" : evalMode;
    }

    /** A schedule evaluated windowed (the default {@code evalMode}). */
    public TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
            int evalBatches, int testBatches, double gradClip, int evalStride, int microBatch) {
        this(batchSize, steps, warmupSteps, lr, weightDecay, evalEvery, evalBatches, testBatches, gradClip, evalStride,
                microBatch, "windowed");
    }

    /** A schedule without gradient accumulation, evaluated windowed. */
    public TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
            int evalBatches, int testBatches, double gradClip, int evalStride) {
        this(batchSize, steps, warmupSteps, lr, weightDecay, evalEvery, evalBatches, testBatches, gradClip, evalStride,
                0, "windowed");
    }

    /** A classification schedule: no gradient clipping, windowed evaluation at the default stride. */
    public TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
            int evalBatches, int testBatches) {
        this(batchSize, steps, warmupSteps, lr, weightDecay, evalEvery, evalBatches, testBatches, 0, 0, 0,
                "windowed");
    }

    /** Examples per forward/backward pass. */
    public int examplesPerPass() {
        return microBatch == 0 ? batchSize : Math.min(microBatch, batchSize);
    }

    /** This schedule in passes of {@code examples} (gradient accumulation): the same optimisation, less memory. */
    public TrainConfig withMicroBatch(int examples) {
        if (examples < 1 || examples > batchSize) {
            throw new IllegalArgumentException("A micro-batch must hold 1 to " + batchSize + " (the batch size) "
                    + "examples, got " + examples + ".");
        }
        return new TrainConfig(batchSize, steps, warmupSteps, lr, weightDecay, evalEvery, evalBatches, testBatches,
                gradClip, evalStride, examples, evalMode);
    }

    /** This schedule with {@code steps}, warm-up shrunk in proportion and evaluation at least once. */
    public TrainConfig withSteps(int newSteps) {
        int warmup = (int) Math.round((double) warmupSteps * newSteps / steps);
        return new TrainConfig(batchSize, newSteps, Math.min(warmup, newSteps), lr, weightDecay,
                Math.min(evalEvery, newSteps), evalBatches, testBatches, gradClip, evalStride, microBatch, evalMode);
    }
}
