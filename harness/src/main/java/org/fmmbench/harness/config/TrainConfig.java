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
 * @param evalMode language modelling: {@code windowed} (sliding windows of {@code evalStride}) or {@code stateful}
 *     (one pass with carried attention state; needs {@code model.positions: stream}, and a variant without finite
 *     state, e.g. softmax, falls back to windowed); ignored by classification tasks
 */
public record TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
        int evalBatches, int testBatches, double gradClip, int evalStride, String evalMode) {

    /** A plan written before {@code evalMode} existed reads back with the windowed evaluation. */
    public TrainConfig {
        evalMode = evalMode == null ? "windowed" : evalMode;
    }

    /** A classification schedule: no gradient clipping, windowed evaluation at the default stride. */
    public TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
            int evalBatches, int testBatches) {
        this(batchSize, steps, warmupSteps, lr, weightDecay, evalEvery, evalBatches, testBatches, 0, 0, "windowed");
    }
}
