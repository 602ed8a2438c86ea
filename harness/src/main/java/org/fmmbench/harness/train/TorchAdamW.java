package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.IntToDoubleFunction;

/**
 * AdamW as PyTorch computes it, with the learning rate and beta1 of each update from a schedule. With weight decay 0
 * it is {@code torch.optim.Adam}. For update t (1-based):
 * <pre>
 * w = w * (1 - lr * wd)
 * m = b1 * m + (1 - b1) * g
 * v = b2 * v + (1 - b2) * g^2
 * w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * The parameter's gradient is zeroed afterwards because DJL's PyTorch gradient collector accumulates.
 *
 * <p>DJL's Adam folds both bias corrections into the learning rate and adds epsilon to the raw {@code sqrt(v)}: it
 * is this update with epsilon / sqrt(1 − b2^t) in place of epsilon (31 times larger at the first update), which
 * moves parameters with small gradients differently. Against the official language model that left final
 * parameters up to 1.6e-2 apart, where this update agrees to float32 rounding (docs/parity-lm.md). DJL's AdamW
 * also keeps beta1 fixed, where the LRA code's OneCycleLR moves it.
 */
public final class TorchAdamW extends AdamOptimizer {
    private static final float BETA2 = 0.999f;

    private final IntToDoubleFunction beta1;
    private final float epsilon;

    private TorchAdamW(Builder builder) {
        super(builder, builder.learningRate);
        beta1 = builder.beta1;
        epsilon = builder.epsilon;
    }

    /**
     * AdamW under a {@link OneCycleSchedule}, as the LRA code runs it (beta2 0.999, eps 1e-6): update t (1-based)
     * takes lr and b1 from the schedule at step t-1, and bias correction uses the current b1, as
     * {@code torch.optim.AdamW} does when OneCycleLR rewrites its betas.
     */
    public static Builder oneCycle(OneCycleSchedule schedule) {
        return new Builder(t -> schedule.learningRate(t - 1), t -> schedule.beta1(t - 1), 1e-6f);
    }

    /**
     * {@code torch.optim.Adam} with PyTorch's defaults (betas 0.9 and 0.999, eps 1e-8) at the rate of a
     * {@link WarmupCosineSchedule}: the official language model's optimiser.
     */
    public static Builder warmupCosine(WarmupCosineSchedule schedule) {
        return new Builder(schedule::learningRate, t -> 0.9, 1e-8f);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double lr = learningRate.applyAsDouble(t);
        double beta1 = this.beta1.applyAsDouble(t);
        double weightDecay = getWeightDecay();
        if (weightDecay != 0) {
            weight.muli(1 - lr * weightDecay);
        }
        OptimizerMoments.Updated moment = moments().accumulate(parameterId, weight, grad, beta1, BETA2);
        NDArray m = moment.m();
        NDArray v = moment.v();
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(BETA2, t);
        try (NDArray denominator = v.sqrt().divi(Math.sqrt(biasCorrection2)).addi(epsilon);
                NDArray step = m.div(denominator).muli(lr / biasCorrection1)) {
            weight.subi(step);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Weight decay (default 0) is decoupled, AdamW-style. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final IntToDoubleFunction learningRate;
        private final IntToDoubleFunction beta1;
        private final float epsilon;

        private Builder(IntToDoubleFunction learningRate, IntToDoubleFunction beta1, float epsilon) {
            this.learningRate = learningRate;
            this.beta1 = beta1;
            this.epsilon = epsilon;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public TorchAdamW build() {
            return new TorchAdamW(this);
        }
    }
}
