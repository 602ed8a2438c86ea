package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.IntToDoubleFunction;

/**
 * Rectified Adam (Liu et al. 2020) as the copy task's official {@code radam.py} applies it (DJL has no RAdam):
 * each parameter's gradient is first clipped to norm {@code maxGradNorm} on its own (not the global norm), then
 * for update t with b2t = b2^t, rho_max = 2/(1-b2) - 1 and rho_t = rho_max - 2 t b2t / (1-b2t):
 * <pre>
 * m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  w = w (1 - lr wd)
 * rho_t &gt;= 5: w -= lr r_t / (1-b1^t) * m / (sqrt(v) + eps),
 *              r_t = sqrt((1-b2t)(rho_t-4)(rho_t-2) rho_max / ((rho_max-4)(rho_max-2) rho_t))
 * rho_t &lt; 5:  w -= lr / (1-b1^t) * m           (the first updates: momentum SGD)
 * </pre>
 * The gradient is zeroed afterwards because DJL's PyTorch gradient collector accumulates.
 */
public final class RAdam extends AdamOptimizer {
    /** The official copy task's betas and epsilon. */
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float maxGradNorm;

    private RAdam(Builder builder) {
        super(builder, builder.learningRate);
        maxGradNorm = builder.maxGradNorm;
    }

    /** @param learningRate the learning rate of each 1-based update */
    public static Builder builder(IntToDoubleFunction learningRate) {
        return new Builder(learningRate);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double lr = learningRate.applyAsDouble(t);
        OptimizerMoments.Updated moment;
        try (NDArray clipped = clip(grad)) {
            moment = moments().accumulate(parameterId, weight, clipped, BETA1, BETA2);
        }
        NDArray m = moment.m();
        NDArray v = moment.v();
        if (getWeightDecay() != 0) {
            weight.muli(1 - lr * getWeightDecay());
        }
        double b2t = Math.pow(BETA2, t);
        double rhoMax = 2 / (1 - BETA2) - 1;
        double rho = rhoMax - 2 * t * b2t / (1 - b2t);
        double biasCorrection1 = 1 - Math.pow(BETA1, t);
        if (rho >= 5) {
            double r = Math.sqrt((1 - b2t) * (rho - 4) / (rhoMax - 4) * (rho - 2) / rho * rhoMax / (rhoMax - 2));
            try (NDArray denominator = v.sqrt().addi(EPSILON);
                    NDArray step = m.div(denominator).muli(lr * r / biasCorrection1)) {
                weight.subi(step);
            }
        } else {
            try (NDArray step = m.mul(lr / biasCorrection1)) {
                weight.subi(step);
            }
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** g scaled to norm {@code maxGradNorm} when longer (PyTorch's clip_grad_norm_ adds 1e-6 to the norm). */
    private NDArray clip(NDArray grad) {
        if (maxGradNorm <= 0) {
            return grad.duplicate();
        }
        double norm = Math.sqrt(grad.square().sum().getFloat());
        double factor = maxGradNorm / (norm + 1e-6);
        return factor < 1 ? grad.mul(factor) : grad.duplicate();
    }

    /** The default clip is the official copy task's: 1.0 per parameter. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final IntToDoubleFunction learningRate;
        private float maxGradNorm = 1f;

        private Builder(IntToDoubleFunction learningRate) {
            this.learningRate = learningRate;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Clip each parameter's gradient to this norm; 0 = no clipping. */
        public Builder optMaxGradNorm(float value) {
            maxGradNorm = value;
            return this;
        }

        public RAdam build() {
            return new RAdam(this);
        }
    }
}
