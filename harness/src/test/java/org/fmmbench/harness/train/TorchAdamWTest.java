package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class TorchAdamWTest {
    private static final float LR = 1e-3f;
    /** A gradient of the size of float32 noise on a parameter the loss hardly depends on. */
    private static final float SMALL_GRADIENT = 1e-7f;

    @Test
    void firstUpdateOfASmallGradientDividesByItsSizePlusEpsilonAsPyTorchDoes() {
        // torch.optim.Adam, update 1: m/(1 - b1) = g and sqrt(v/(1 - b2)) = |g|, so w moves by lr * g / (|g| + eps)
        double torch = LR * SMALL_GRADIENT / (SMALL_GRADIENT + 1e-8);
        assertEquals(torch, movement(adam()), 1e-9);
    }

    @Test
    void djlsAdamMovesTheSameParameterFarLess() {
        // DJL adds eps before the bias corrections: an effective eps / sqrt(1 - b2) = 3.2e-7, so about a quarter
        double djl = movement(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LR)).optEpsilon(1e-8f).build());
        double torch = movement(adam());
        assertTrue(djl < 0.3 * torch, "DJL " + djl + " vs PyTorch " + torch);
    }

    /** PyTorch's Adam at a constant rate (the schedule's first step runs at its peak). */
    private static Optimizer adam() {
        return WarmupCosineAdam.builder(new WarmupCosineSchedule(LR, 1, 0)).build();
    }

    /** How far one update of {@code optimizer} moves a weight whose gradient is {@link #SMALL_GRADIENT}. */
    private static double movement(Optimizer optimizer) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {0f});
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.mul(manager.create(SMALL_GRADIENT)).sum());
            }
            optimizer.update("w", w, w.getGradient().duplicate());
            return -w.getFloat();
        }
    }
}
