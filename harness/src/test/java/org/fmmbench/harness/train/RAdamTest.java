package org.fmmbench.harness.train;

import org.junit.jupiter.api.Test;

class RAdamTest {

    /** Reference update in doubles, written from the update rule of the official causal-copy radam.py. */
    private static void referenceStep(OptimizerCheck.ReferenceState s, double[] rawGrad, double lr, double wd,
            double maxNorm) {
        s.t++;
        double norm = 0;
        for (double g : rawGrad) {
            norm += g * g;
        }
        double scale = Math.min(1, maxNorm / (Math.sqrt(norm) + 1e-6));
        double b1 = 0.9;
        double b2 = 0.999;
        double b2t = Math.pow(b2, s.t);
        double rhoMax = 2 / (1 - b2) - 1;
        double rho = rhoMax - 2 * s.t * b2t / (1 - b2t);
        for (int i = 0; i < s.w.length; i++) {
            s.accumulate(i, rawGrad[i] * scale, b1, b2);
            s.w[i] -= wd * lr * s.w[i];
            if (rho >= 5) {
                double r = Math.sqrt((1 - b2t) * (rho - 4) / (rhoMax - 4) * (rho - 2) / rho * rhoMax / (rhoMax - 2));
                s.w[i] -= lr * r / (1 - Math.pow(b1, s.t)) * s.m[i] / (Math.sqrt(s.v[i]) + 1e-8);
            } else {
                s.w[i] -= lr / (1 - Math.pow(b1, s.t)) * s.m[i];
            }
        }
    }

    @Test
    void followsTheOfficialRAdamThroughBothPhasesWithPerParameterClipping() {
        RAdam optimizer = RAdam.builder(step -> step <= 4 ? 0.1 : 0.01).optWeightDecays(0.01f).build();
        double[] start = {1.0, -2.0, 0.5, 0.0};
        // Norms above and below the clip of 1.0; eight updates cross rho_t = 5 (update 6), so both branches run.
        double[][] grads = {{0.3, -1.0, 2.0, 0.0}, {-0.2, 0.5, 0.1, 1e-3}, {0.7, 0.1, -3.0, -2.0},
            {0.0, 0.2, 0.4, 0.3}, {1.0, 1.0, 1.0, 1.0}, {-0.1, 0.05, 0.2, 0.0}, {5.0, 0.0, 0.0, -5.0},
            {0.01, 0.02, -0.03, 0.04}};
        OptimizerCheck.ReferenceState reference = new OptimizerCheck.ReferenceState(start);
        OptimizerCheck.run(optimizer, start, grads, (step, g) -> {
            referenceStep(reference, g, step + 1 <= 4 ? 0.1 : 0.01, 0.01, 1.0);
            return reference.w;
        });
    }
}
