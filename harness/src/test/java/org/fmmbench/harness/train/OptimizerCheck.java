package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;

/** Feeds an optimiser known gradients through autograd and compares its weights with a reference after each update. */
final class OptimizerCheck {
    /** The reference's weights after applying {@code grad} as 0-based update {@code update}. */
    interface Reference {
        double[] step(int update, double[] grad);
    }

    /** A reference optimiser's state in doubles: weights, first and second moments, and the updates so far. */
    static final class ReferenceState {
        final double[] w;
        final double[] m;
        final double[] v;
        int t;

        ReferenceState(double[] w) {
            this.w = w.clone();
            m = new double[w.length];
            v = new double[w.length];
        }

        /** Adam's moment update of weight {@code i} with gradient {@code g}. */
        void accumulate(int i, double g, double beta1, double beta2) {
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        }
    }

    private OptimizerCheck() {
    }

    static void run(Optimizer optimizer, double[] start, double[][] grads, Reference reference) {
        Engine.getInstance();
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
                double[] expected = reference.step(step, grads[step]);
                assertArrayEquals(toFloats(expected), w.toFloatArray(), 2e-6f, "after update " + (step + 1));
                try (NDArray g = w.getGradient()) {
                    assertEquals(0f, g.abs().sum().getFloat(), "the gradient must be zeroed for the next step");
                }
            }
        }
    }

    static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
