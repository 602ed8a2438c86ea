package org.fmmbench.harness.train;

/**
 * AdamW as PyTorch computes it, with beta1 taken from a {@link OneCycleSchedule} at every step (DJL's AdamW keeps
 * beta1 fixed and folds epsilon differently).
 *
 * <p>Update t (1-based) takes lr and b1 from the schedule at step t-1. Bias correction uses the current b1, as
 * {@code torch.optim.AdamW} does when OneCycleLR rewrites its betas.
 */
public final class OneCycleAdamW extends TorchAdamW {
    private final OneCycleSchedule schedule;

    private OneCycleAdamW(Builder builder) {
        super(builder, 0.999f, 1e-6f);
        schedule = builder.schedule;
    }

    public static Builder builder(OneCycleSchedule schedule) {
        return new Builder(schedule);
    }

    @Override
    protected double learningRate(int t) {
        return schedule.learningRate(t - 1);
    }

    @Override
    protected double beta1(int t) {
        return schedule.beta1(t - 1);
    }

    /** beta2 0.999 and eps 1e-6 are the LRA code's; weight decay is 0 unless set. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final OneCycleSchedule schedule;

        private Builder(OneCycleSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public OneCycleAdamW build() {
            return new OneCycleAdamW(this);
        }
    }
}
