package org.fmmbench.harness.train;

/**
 * {@code torch.optim.Adam} with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8) at the rate of a
 * {@link WarmupCosineSchedule}: the official language model's optimiser.
 */
public final class WarmupCosineAdam extends TorchAdamW {
    private final WarmupCosineSchedule schedule;

    private WarmupCosineAdam(Builder builder) {
        super(builder, 0.999f, 1e-8f);
        schedule = builder.schedule;
    }

    public static Builder builder(WarmupCosineSchedule schedule) {
        return new Builder(schedule);
    }

    @Override
    protected double learningRate(int t) {
        return schedule.learningRate(t);
    }

    @Override
    protected double beta1(int t) {
        return 0.9;
    }

    /** Weight decay (default 0, as in the official code) is decoupled, AdamW-style. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final WarmupCosineSchedule schedule;

        private Builder(WarmupCosineSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public WarmupCosineAdam build() {
            return new WarmupCosineAdam(this);
        }
    }
}
