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
 */
public record TrainConfig(int batchSize, int steps, int warmupSteps, double lr, double weightDecay, int evalEvery,
        int evalBatches, int testBatches) {
}
