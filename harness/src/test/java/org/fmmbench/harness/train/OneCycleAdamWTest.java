package org.fmmbench.harness.train;

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
        OneCycleSchedule schedule = new OneCycleSchedule(0.1, 6, 2);
        OneCycleAdamW optimizer = OneCycleAdamW.builder(schedule).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 1.5, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.8}};
        ReferenceAdamW reference = new ReferenceAdamW(start);
        OptimizerCheck.run(optimizer, start, grads, (step, g) -> {
            reference.step(g, schedule.learningRate(step), schedule.beta1(step), 0.999, 1e-6, 0.01);
            return reference.w;
        });
    }
}
