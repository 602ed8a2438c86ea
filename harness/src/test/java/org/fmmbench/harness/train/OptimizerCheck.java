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
