package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW as PyTorch computes it, with beta1 taken from a {@link OneCycleSchedule} at every step (DJL's AdamW keeps
 * beta1 fixed and folds epsilon differently).
 *
 * <p>Update t (1-based) is {@link TorchAdamW#step} with lr and b1 from the schedule at step t-1. Bias correction
 * uses the current b1, as {@code torch.optim.AdamW} does when OneCycleLR rewrites its betas.
 */
public final class OneCycleAdamW extends Optimizer {
    private final OneCycleSchedule schedule;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();

    private OneCycleAdamW(Builder builder) {
        super(builder);
        schedule = builder.schedule;
        beta2 = builder.beta2;
        epsilon = builder.epsilon;
    }

    public static Builder builder(OneCycleSchedule schedule) {
        return new Builder(schedule);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double lr = schedule.learningRate(t - 1);
        double beta1 = schedule.beta1(t - 1);
        double weightDecay = getWeightDecay();
        // Optimiser state lives in the parameter's manager, as long as the parameter.
        NDArray m = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());

        TorchAdamW.step(weight, grad, m, v, t, lr, beta1, beta2, epsilon, weightDecay);
    }

    /** Defaults are the LRA code's: beta2 0.999, eps 1e-6, no weight decay. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final OneCycleSchedule schedule;
        private float beta2 = 0.999f;
        private float epsilon = 1e-6f;

        private Builder(OneCycleSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder optBeta2(float value) {
            beta2 = value;
            return this;
        }

        public Builder optEpsilon(float value) {
            epsilon = value;
            return this;
        }

        public OneCycleAdamW build() {
            return new OneCycleAdamW(this);
        }
    }
}
