package org.fmmbench.harness.train;

import ai.djl.training.tracker.Tracker;

/**
 * PyTorch's {@code OneCycleLR} with {@code anneal_strategy='linear'}, two phases and {@code cycle_momentum} on,
 * as the LRA code configures it: learning rate and Adam's beta1 for every step.
 *
 * <p>Step index {@code s} counts scheduler steps taken before an optimiser update, so the k-th update uses
 * {@code s = k - 1}. With {@code w = warmup / total} (pct_start) the phases end at {@code w * total - 1} and at
 * {@code total - 1}; within a phase the value moves linearly from its start to its end value:
 * lr from {@code max/25} to {@code max}, then to {@code max/25/1e4}; beta1 from 0.95 to 0.85, then back to
 * 0.95. Phase boundaries are computed in doubles exactly as Python does, so fractional boundaries (e.g.
 * {@code 0.3 * 10 - 1 = 2.0000000000000004}) give the same values as PyTorch.
 *
 * <p>Where PyTorch divides by a zero-length phase (warm-up of exactly one step) and raises, this schedule
 * uses the phase's end value.
 */
public final class OneCycleSchedule implements Tracker {
    public static final double DIV_FACTOR = 25;
    public static final double FINAL_DIV_FACTOR = 1e4;
    public static final double BASE_MOMENTUM = 0.85;
    public static final double MAX_MOMENTUM = 0.95;

    private final double maxLr;
    private final double initialLr;
    private final double minLr;
    private final int totalSteps;
    private final double warmupEnd;

    public OneCycleSchedule(double maxLr, int totalSteps, int warmupSteps) {
        if (!(maxLr > 0) || Double.isInfinite(maxLr)) {
            throw new IllegalArgumentException("Peak learning rate must be a positive number, got " + maxLr + ".");
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("Training needs at least 1 step, got " + totalSteps + ".");
        }
        if (warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("Warm-up steps must be between 0 and the " + totalSteps
                    + " training steps, got " + warmupSteps + ".");
        }
        this.maxLr = maxLr;
        this.initialLr = maxLr / DIV_FACTOR;
        this.minLr = initialLr / FINAL_DIV_FACTOR;
        this.totalSteps = totalSteps;
        double pctStart = (double) warmupSteps / totalSteps;
        this.warmupEnd = pctStart * totalSteps - 1;
    }

    public int totalSteps() {
        return totalSteps;
    }

    /** Learning rate of the update that follows {@code step} scheduler steps (0 .. totalSteps). */
    public double learningRate(int step) {
        return interpolate(step, initialLr, maxLr, maxLr, minLr);
    }

    /** Adam's beta1 for the same update. */
    public double beta1(int step) {
        return interpolate(step, MAX_MOMENTUM, BASE_MOMENTUM, BASE_MOMENTUM, MAX_MOMENTUM);
    }

    private double interpolate(int step, double warmStart, double warmEnd, double decayStart, double decayEnd) {
        if (step < 0 || step > totalSteps) {
            throw new IllegalArgumentException("Schedule step " + step + " is outside 0.." + totalSteps + ".");
        }
        if (step <= warmupEnd) {
            return linear(warmStart, warmEnd, step, 0, warmupEnd);
        }
        return linear(decayStart, decayEnd, step, warmupEnd, totalSteps - 1);
    }

    private static double linear(double start, double end, double step, double from, double to) {
        double pct = to == from ? 1 : (step - from) / (to - from);
        return (end - start) * pct + start;
    }

    /** DJL's update count is 1-based: the first update uses schedule step 0. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) learningRate(numUpdate - 1);
    }

    @Override
    public String toString() {
        return "OneCycle(max " + maxLr + ", " + totalSteps + " steps, warm-up ends at " + warmupEnd + ")";
    }
}
