package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW as PyTorch computes it, with fixed betas and the learning rate of update t (1-based) from a {@link Tracker};
 * with weight decay 0 it is {@code torch.optim.Adam}, the official language model's optimiser.
 *
 * <p>DJL's Adam folds both bias corrections into the learning rate and adds epsilon to the raw {@code sqrt(v)},
 * which amounts to PyTorch's update with epsilon / sqrt(1 − b2^t) in place of epsilon (31 times larger at the first
 * update). Parameters whose gradients are small then move differently: against the official language model it
 * left final parameters up to 1.6e-2 apart (docs/parity-lm.md), where this update agrees to float32 rounding.
 */
public final class TorchAdamW extends Optimizer {
    private final Tracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();

    private TorchAdamW(Builder builder) {
        super(builder);
        learningRate = builder.learningRate;
        beta1 = builder.beta1;
        beta2 = builder.beta2;
        epsilon = builder.epsilon;
    }

    /** PyTorch's defaults: betas (0.9, 0.999), epsilon 1e-8, no weight decay. */
    public static Builder builder(Tracker learningRate) {
        return new Builder(learningRate);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        // Optimiser state lives in the parameter's manager, as long as the parameter.
        NDArray m = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        step(weight, grad, m, v, t, learningRate.getNewValue(t), beta1, beta2, epsilon, getWeightDecay());
    }

    /**
     * Update t (1-based) of PyTorch's AdamW, in place on the weight and the moments m and v:
     * <pre>
     * w = w * (1 - lr * wd)
     * m = b1 * m + (1 - b1) * g
     * v = b2 * v + (1 - b2) * g^2
     * w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
     * </pre>
     * then zeroes the weight's gradient, because DJL's PyTorch gradient collector accumulates.
     */
    static void step(NDArray weight, NDArray grad, NDArray m, NDArray v, int t, double lr, double beta1,
            double beta2, double epsilon, double weightDecay) {
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
                NDArray update = m.div(denominator).muli(lr / biasCorrection1)) {
            weight.subi(update);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    public static final class Builder extends OptimizerBuilder<Builder> {
        private final Tracker learningRate;
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;

        private Builder(Tracker learningRate) {
            this.learningRate = learningRate;
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
