package org.fmmbench.harness.train;

import ai.djl.training.tracker.Tracker;

/**
 * The language-model schedule of the official code (Transformer-XL {@code train.py}): the learning rate rises
 * linearly to its peak over the warm-up steps, then follows a cosine over the whole run that reaches 0 at the
 * last step ({@code CosineAnnealingLR(T_max = steps)} stepped with the global step, so the cosine phase does not
 * restart after the warm-up).
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
        if (step <= warmup) {
            return peak * step / warmup;
        }
        return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps));
    }

    /** DJL's optimisers count updates of each parameter from 1, which is the step number. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) learningRate(numUpdate);
    }
}
