package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked delta rule against the rule itself, one position at a time. */
class FastWeightAttentionTest extends NDManagerPerClass {
    private static final int B = 2;
    private static final int H = 2;
    private static final int D = 4;
    private static final int N = 37;

    /** Inputs of one comparison: features on the simplex as the layer makes them, beta in (0, 1). */
    private record Inputs(float[] fq, float[] fk, float[] v, float[] beta, float[] weights) {
        static Inputs random(long seed) {
            Random r = new Random(seed);
            int size = B * H * N * D;
            return new Inputs(simplex(r, size), simplex(r, size), AttentionRun.gaussian(r, size),
                    uniform(r, B * H * N), AttentionRun.gaussian(r, size));
        }

        private static float[] simplex(Random r, int size) {
            float[] x = new float[size];
            for (int row = 0; row < size / D; row++) {
                float sum = 0;
                for (int e = 0; e < D; e++) {
                    x[row * D + e] = 0.05f + r.nextFloat();
                    sum += x[row * D + e];
                }
                for (int e = 0; e < D; e++) {
                    x[row * D + e] /= sum;
                }
            }
            return x;
        }

        private static float[] uniform(Random r, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = 0.05f + 0.9f * r.nextFloat();
            }
            return x;
        }
    }

    /** Output and the gradients of sum(out * weights) with respect to fq, fk, v and beta. */
    private record Result(float[] out, float[] dq, float[] dk, float[] dv, float[] dbeta) {
    }

    private interface FarField {
        NDArray apply(NDArray fq, NDArray fk, NDArray v, NDArray beta);
    }

    private static Result run(Inputs in, FarField far) {
        try (NDManager m = manager.newSubManager()) {
            Shape shape = new Shape(B, H, N, D);
            NDArray fq = m.create(in.fq, shape);
            NDArray fk = m.create(in.fk, shape);
            NDArray v = m.create(in.v, shape);
            NDArray beta = m.create(in.beta, new Shape(B, H, N, 1));
            NDArray[] all = {fq, fk, v, beta};
            for (NDArray a : all) {
                a.setRequiresGradient(true);
            }
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = far.apply(fq, fk, v, beta);
                gc.backward(out.mul(m.create(in.weights, shape)).sum());
            }
            return new Result(out.toFloatArray(), fq.getGradient().toFloatArray(), fk.getGradient().toFloatArray(),
                    v.getGradient().toFloatArray(), beta.getGradient().toFloatArray());
        }
    }

    /** The delta rule as written in the official code's per-step reference, one position after the other. */
    private static NDArray perPosition(NDArray fq, NDArray fk, NDArray v, NDArray beta) {
        NDManager m = fq.getManager();
        NDArray memory = m.zeros(new Shape(B, H, D, D));
        NDArray keySum = m.zeros(new Shape(B, H, 1, D));
        NDList out = new NDList();
        NDList qs = fq.split(N, 2);
        NDList ks = fk.split(N, 2);
        NDList vs = v.split(N, 2);
        NDList bs = beta.split(N, 2);
        for (int t = 0; t < N; t++) {
            NDArray k = ks.get(t);
            NDArray q = qs.get(t);
            NDArray u = vs.get(t).sub(k.matMul(memory)).mul(bs.get(t));
            memory = memory.add(k.swapAxes(2, 3).matMul(u));
            keySum = keySum.add(k);
            NDArray denominator = q.mul(keySum).sum(new int[] {-1}, true).add(1e-5f);
            // Scalars, not div(Number): DJL frees the Number's buffer after the op while autograd still reads it
            // in backward (seen here as a d fq difference of 1e20, now and then).
            out.add(Scalars.over(q.matMul(memory).div(denominator), (float) Math.sqrt(D)));
        }
        return NDArrays.concat(out, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 36, 37, 64})
    void chunkedDeltaRuleEqualsThePerPositionLoopInOutputAndGradients(int chunk) {
        Inputs in = Inputs.random(chunk);
        Result reference = run(in, FastWeightAttentionTest::perPosition);
        Result chunked = run(in, (q, k, v, b) -> DeltaRule.attend(q, k, v, b, chunk, null));
        assertClose("output", reference.out, chunked.out, chunk);
        assertClose("d fq", reference.dq, chunked.dq, chunk);
        assertClose("d fk", reference.dk, chunked.dk, chunk);
        assertClose("d v", reference.dv, chunked.dv, chunk);
        assertClose("d beta", reference.dbeta, chunked.dbeta, chunk);
    }

    @Test
    void theFastWeightForgetsWhatTheDeltaRuleOverwrites() {
        // One key written twice with beta 1: the second value replaces the first (a sum rule would add them).
        try (NDManager m = manager.newSubManager()) {
            Shape shape = new Shape(1, 1, 2, 2);
            NDArray key = m.create(new float[] {1, 0, 1, 0}, shape);
            NDArray v = m.create(new float[] {5, 5, 2, -1}, shape);
            NDArray beta = m.ones(new Shape(1, 1, 2, 1));
            float[] out = DeltaRule.attend(key, key, v, beta, 2, null).toFloatArray();
            // position 2 reads M = k^T v2 / (q . (k1 + k2)) / sqrt 2: (2, -1) / 2 / sqrt 2
            float scale = (float) (2 * Math.sqrt(2));
            assertTrue(Math.abs(out[2] - 2 / scale) < 1e-5 && Math.abs(out[3] + 1 / scale) < 1e-5,
                    "got " + out[2] + ", " + out[3]);
        }
    }

    @Test
    void aNonCausalFastWeightIsRefusedNamingWhereItFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantRegistry.load()
                .create("fastweight:k=20", AttentionSettings.nonCausal(H, D)));
        assertTrue(e.getMessage().contains("causal only"), e.getMessage());
    }

    @Test
    void threeKernelsAreRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantRegistry.load()
                .create("fastweight:kernels=elu+elu+elu", AttentionSettings.causal(H, D)));
        assertTrue(e.getMessage().contains("takes one"), e.getMessage());
    }

    private static void assertClose(String what, float[] expected, float[] actual, int chunk) {
        float scale = 0;
        float maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(maxDiff <= 2e-5f * Math.max(1, scale), what + ", chunk " + chunk + ": max |difference| " + maxDiff
                + " (largest value " + scale + ")");
    }
}
