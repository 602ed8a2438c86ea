package org.fmmbench.harness.train;

import org.junit.jupiter.api.Test;

class OneCycleAdamWTest {

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
    void followsTorchAdamWWithBeta1AndLearningRateFromTheSchedule() {
        OneCycleSchedule schedule = new OneCycleSchedule(0.1, 6, 2);
        OneCycleAdamW optimizer = OneCycleAdamW.builder(schedule).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 1.5, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.8}};
        OptimizerCheck.ReferenceState reference = new OptimizerCheck.ReferenceState(start);
        OptimizerCheck.run(optimizer, start, grads, (step, g) -> {
            referenceStep(reference, g, schedule.learningRate(step), schedule.beta1(step), 0.999, 1e-6, 0.01);
            return reference.w;
        });
    }
}
