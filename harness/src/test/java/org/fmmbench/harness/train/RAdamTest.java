package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class RAdamTest {

    /** Reference in doubles, written from the update rule of the official causal-copy radam.py. */
    private static final class ReferenceRAdam {
        final double[] w;
        final double[] m;
        final double[] v;
        int t;

        ReferenceRAdam(double[] w) {
            this.w = w.clone();
            m = new double[w.length];
            v = new double[w.length];
        }

        void step(double[] rawGrad, double lr, double wd, double maxNorm) {
            t++;
            double norm = 0;
            for (double g : rawGrad) {
                norm += g * g;
            }
            double scale = Math.min(1, maxNorm / (Math.sqrt(norm) + 1e-6));
            double b1 = 0.9;
            double b2 = 0.999;
            double b2t = Math.pow(b2, t);
            double rhoMax = 2 / (1 - b2) - 1;
            double rho = rhoMax - 2 * t * b2t / (1 - b2t);
            for (int i = 0; i < w.length; i++) {
                double g = rawGrad[i] * scale;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                w[i] -= wd * lr * w[i];
                if (rho >= 5) {
                    double r = Math.sqrt((1 - b2t) * (rho - 4) / (rhoMax - 4) * (rho - 2) / rho * rhoMax
                            / (rhoMax - 2));
                    w[i] -= lr * r / (1 - Math.pow(b1, t)) * m[i] / (Math.sqrt(v[i]) + 1e-8);
                } else {
                    w[i] -= lr / (1 - Math.pow(b1, t)) * m[i];
                }
            }
        }
    }

    @Test
    void followsTheOfficialRAdamThroughBothPhasesWithPerParameterClipping() {
        Engine.getInstance();
        RAdam optimizer = RAdam.builder(step -> step <= 4 ? 0.1 : 0.01).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        // Norms above and below the clip of 1.0; eight updates cross rho_t = 5 (update 6), so both branches run.
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 0.1, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.3}, {1.0, 1.0, 1.0, 1.0}, {-0.1, 0.05, 0.2, 0.0}, {5.0, 0.0, 0.0, -5.0},
            {0.01, 0.02, -0.03, 0.04}};
        ReferenceRAdam reference = new ReferenceRAdam(start);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(toFloats(start));
            w.setRequiresGradient(true);
            for (int step = 0; step < grads.length; step++) {
                try (NDManager sub = manager.newSubManager()) {
                    NDArray coefficients = sub.create(toFloats(grads[step]));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.mul(coefficients).sum());
                    }
                    NDArray grad = w.getGradient();
                    optimizer.update("w", w, grad.duplicate());
                    grad.close();
                }
                reference.step(grads[step], step + 1 <= 4 ? 0.1 : 0.01, 0.01, 1.0);
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
