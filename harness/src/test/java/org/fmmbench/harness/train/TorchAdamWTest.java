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

    /** Reference AdamW update in doubles, written from torch.optim.AdamW's documented update. */
    private static void referenceStep(OptimizerCheck.ReferenceState s, double[] g, double lr, double beta1,
            double beta2, double eps, double wd) {
        s.t++;
        for (int i = 0; i < s.w.length; i++) {
            s.w[i] *= 1 - lr * wd;
            s.accumulate(i, g[i], beta1, beta2);
            double denom = Math.sqrt(s.v[i]) / Math.sqrt(1 - Math.pow(beta2, s.t)) + eps;
            s.w[i] -= lr / (1 - Math.pow(beta1, s.t)) * s.m[i] / denom;
        }
    }

    @Test
    void underOneCycleItFollowsTorchAdamWWithBeta1AndLearningRateFromTheSchedule() {
        OneCycleSchedule schedule = new OneCycleSchedule(0.1, 6, 2);
        TorchAdamW optimizer = TorchAdamW.oneCycle(schedule).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 1.5, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.8}};
        OptimizerCheck.ReferenceState reference = new OptimizerCheck.ReferenceState(start);
        OptimizerCheck.run(optimizer, start, grads, (step, g) -> {
            referenceStep(reference, g, schedule.learningRate(step), schedule.beta1(step), 0.999, 1e-6, 0.01);
            return reference.w;
        });
    }

    /** PyTorch's Adam at a constant rate (the schedule's first step runs at its peak). */
    private static Optimizer adam() {
        return TorchAdamW.warmupCosine(new WarmupCosineSchedule(LR, 1, 0)).build();
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
