package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;

/**
 * AdamW as PyTorch computes it; subclasses say what the learning rate and beta1 of each update are. With weight
 * decay 0 it is {@code torch.optim.Adam}. For update t (1-based):
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
 * parameters up to 1.6e-2 apart, where this update agrees to float32 rounding (docs/parity-lm.md).
 */
public abstract class TorchAdamW extends Optimizer {
    private final float beta2;
    private final float epsilon;
    private final OptimizerMoments moments = new OptimizerMoments();

    protected TorchAdamW(OptimizerBuilder<?> builder, float beta2, float epsilon) {
        super(builder);
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * The moment arrays, for checkpoints; the step count is restored by building the optimiser with
     * {@code optBeginNumUpdate}.
     */
    OptimizerMoments moments() {
        return moments;
    }

    /** Learning rate of update {@code t} (1-based). */
    protected abstract double learningRate(int t);

    /** beta1 of update {@code t} (1-based); bias correction uses it, as PyTorch does when a schedule sets it. */
    protected abstract double beta1(int t);

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double lr = learningRate(t);
        double beta1 = beta1(t);
        double weightDecay = getWeightDecay();
        if (weightDecay != 0) {
            weight.muli(1 - lr * weightDecay);
        }
        moments.accumulate(parameterId, weight, grad, beta1, beta2);
        NDArray m = moments.get(OptimizerMoments.Kind.M, parameterId);
        NDArray v = moments.get(OptimizerMoments.Kind.V, parameterId);
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        try (NDArray denominator = v.sqrt().divi(Math.sqrt(biasCorrection2)).addi(epsilon);
                NDArray step = m.div(denominator).muli(lr / biasCorrection1)) {
            weight.subi(step);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
