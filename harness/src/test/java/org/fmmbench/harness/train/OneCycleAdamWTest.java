package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class OneCycleAdamWTest {

    /** Reference AdamW in doubles, written from torch.optim.AdamW's documented update. */
    private static final class ReferenceAdamW {
        final double[] w;
        final double[] m;
        final double[] v;
        int t;

        ReferenceAdamW(double[] w) {
            this.w = w.clone();
            m = new double[w.length];
            v = new double[w.length];
        }

        void step(double[] g, double lr, double beta1, double beta2, double eps, double wd) {
            t++;
            for (int i = 0; i < w.length; i++) {
                w[i] *= 1 - lr * wd;
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps;
                w[i] -= lr / (1 - Math.pow(beta1, t)) * m[i] / denom;
            }
        }
    }

    @Test
    void followsTorchAdamWWithBeta1AndLearningRateFromTheSchedule() {
        Engine.getInstance();
        OneCycleSchedule schedule = new OneCycleSchedule(0.1, 6, 2);
        OneCycleAdamW optimizer = OneCycleAdamW.builder(schedule).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 1.5, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.8}};
        ReferenceAdamW reference = new ReferenceAdamW(start);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(toFloats(start));
            w.setRequiresGradient(true);
            for (int step = 0; step < grads.length; step++) {
                try (NDManager sub = manager.newSubManager()) {
                    NDArray coefficients = sub.create(toFloats(grads[step]));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.mul(coefficients).sum()); // d/dw = coefficients
                    }
                    NDArray grad = w.getGradient();
                    optimizer.update("w", w, grad.duplicate());
                    grad.close();
                }
                reference.step(grads[step], schedule.learningRate(step), schedule.beta1(step), 0.999, 1e-6, 0.01);
                assertArrayEquals(toFloats(reference.w), w.toFloatArray(), 2e-6f, "after update " + (step + 1));
                try (NDArray g = w.getGradient()) {
                    assertEquals(0f, g.abs().sum().getFloat(), "the gradient must be zeroed for the next step");
                }
            }
        }
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
