package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW as PyTorch computes it, with beta1 taken from a {@link OneCycleSchedule} at every step (DJL's AdamW keeps
 * beta1 fixed and folds epsilon differently).
 *
 * <p>For update t (1-based) with lr and b1 from the schedule at step t-1:
 * <pre>
 * w = w * (1 - lr * wd)
 * m = b1 * m + (1 - b1) * g
 * v = b2 * v + (1 - b2) * g^2
 * w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * Bias correction uses the current b1, as {@code torch.optim.AdamW} does when OneCycleLR rewrites its betas.
 * The parameter's gradient is zeroed afterwards because DJL's PyTorch gradient collector accumulates.
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

    /** The moment arrays, for checkpoints; the step count is restored through {@code optBeginNumUpdate}. */
    OptimizerMoments moments() {
        return new OptimizerMoments() {
            @Override
            public NDArray get(Kind kind, String parameterId) {
                return (kind == Kind.M ? means : variances).get(parameterId);
            }

            @Override
            public void put(Kind kind, String parameterId, NDArray value) {
                (kind == Kind.M ? means : variances).put(parameterId, value);
            }
        };
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

        if (weightDecay != 0) {
            weight.muli(1 - lr * weightDecay);
        }
        try (NDArray scaledGrad = grad.mul(1 - beta1);
                NDArray squaredGrad = grad.square().muli(1 - beta2)) {
            m.muli(beta1).addi(scaledGrad);
            v.muli(beta2).addi(squaredGrad);
        }
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        try (NDArray denominator = v.sqrt().divi(Math.sqrt(biasCorrection2)).addi(epsilon);
                NDArray step = m.div(denominator).muli(lr / biasCorrection1)) {
            weight.subi(step);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
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
