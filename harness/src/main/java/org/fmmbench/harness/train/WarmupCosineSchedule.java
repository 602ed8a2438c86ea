package org.fmmbench.harness.train;

import ai.djl.training.tracker.Tracker;

/**
 * The language-model schedule of the official code (Transformer-XL {@code train.py}): the learning rate rises
 * linearly to its peak over the warm-up steps, then follows a cosine over the whole run
 * ({@code CosineAnnealingLR(T_max = steps)} stepped with the global step, so the cosine phase does not restart after
 * the warm-up).
 *
 * <p>{@code train.py} sets the rate after each optimiser step from the number of steps taken, so step t runs at the
 * rate for t − 1 steps, and the very first step runs at the rate the optimiser was built with: the peak. The warm-up
 * therefore starts at step 2 (peak/warmup), and the cosine is never quite 0 within the run. This is what the parity
 * test against the official code measured (docs/parity-lm.md).
 */
public final class WarmupCosineSchedule implements Tracker {
    private final double peak;
    private final int steps;
    private final int warmup;

    public WarmupCosineSchedule(double peak, int steps, int warmup) {
        if (steps < 1 || warmup < 0 || warmup > steps) {
            throw new IllegalArgumentException("need 0 <= warmup <= steps and steps >= 1, got warmup " + warmup
                    + " and steps " + steps);
        }
        this.peak = peak;
        this.steps = steps;
        this.warmup = warmup;
    }

    /** Learning rate of the 1-based optimiser step {@code step}. */
    public double learningRate(int step) {
        int taken = step - 1;
        if (taken == 0) {
            return peak;
        }
        if (taken < warmup) {
            return peak * taken / warmup;
        }
        return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(taken, steps) / steps));
    }

    /** DJL's optimisers count updates of each parameter from 1, which is the step number. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) learningRate(numUpdate);
    }
}
