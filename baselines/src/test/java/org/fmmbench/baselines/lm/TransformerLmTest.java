package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TransformerLmTest {
    private static final int VOCAB = 40;

    private static int[] randomTokens(Random r, int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(VOCAB);
        }
        return t;
    }

    @ParameterizedTest
    @EnumSource(DenseCausalReference.Family.class)
    void changingFutureTokensLeavesEarlierLogProbabilitiesUnchanged(DenseCausalReference.Family family) {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig config = LmConfig.tiny(VOCAB, "unused").withCutoffs(10, 25);
            TransformerLm lm = LmTestSupport.model(m, config, family, 3);
            ParameterStore ps = LmTestSupport.store(m);
            Random r = new Random(7);
            int n = 24;
            int cut = 13;
            int[] a = randomTokens(r, n);
            int[] b = a.clone();
            for (int i = cut; i < n; i++) {
                b[i] = (a[i] + 1 + r.nextInt(VOCAB - 1)) % VOCAB;
            }
            float[] la = lm.logProbabilities(ps, m.create(a, new Shape(1, n)), false).toFloatArray();
            float[] lb = lm.logProbabilities(ps, m.create(b, new Shape(1, n)), false).toFloatArray();
            for (int i = 0; i < n; i++) {
                float maxDiff = 0;
                for (int v = 0; v < VOCAB; v++) {
                    maxDiff = Math.max(maxDiff, Math.abs(la[i * VOCAB + v] - lb[i * VOCAB + v]));
                }
                if (i < cut) {
                    assertEquals(0f, maxDiff, 1e-5f, family + ": position " + i + " saw a later token");
                } else {
                    assertTrue(maxDiff > 1e-4f, family + ": position " + i + " ignored its own input token");
                }
            }
        }
    }

    @Test
    void forwardReturnsTheTargetEntriesOfTheFullDistribution() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig config = LmConfig.tiny(VOCAB, "unused").withCutoffs(10, 25);
            TransformerLm lm = LmTestSupport.model(m, config, DenseCausalReference.Family.FMM, 4);
            ParameterStore ps = LmTestSupport.store(m);
            Random r = new Random(3);
            int n = 16;
            int[] x = randomTokens(r, 2 * n);
            int[] y = randomTokens(r, 2 * n);
            NDArray tokens = m.create(x, new Shape(2, n));
            float[] full = lm.logProbabilities(ps, tokens, false).toFloatArray();
            float[] picked = lm.forward(ps, new ai.djl.ndarray.NDList(tokens, m.create(y, new Shape(2, n))), false)
                    .singletonOrThrow().toFloatArray();
            for (int i = 0; i < 2 * n; i++) {
                assertEquals(full[i * VOCAB + y[i]], picked[i], 1e-5f);
            }
            float[] last = lm.lastTargetLogProbs(ps, tokens, m.create(new int[] {y[n - 3], y[n - 2], y[n - 1],
                    y[2 * n - 3], y[2 * n - 2], y[2 * n - 1]}, new Shape(2, 3)), 3, false).toFloatArray();
            assertArrayEquals(new float[] {picked[n - 3], picked[n - 2], picked[n - 1], picked[2 * n - 3],
                    picked[2 * n - 2], picked[2 * n - 1]}, last, 1e-5f);
        }
    }

    @Test
    void parameterCountMatchesTheArchitectureWithTheEmbeddingCountedOnce() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig c = LmConfig.tiny(VOCAB, "unused").withCutoffs(10, 25);
            TransformerLm lm = LmTestSupport.model(m, c, DenseCausalReference.Family.SOFTMAX, 0);
            long d = c.modelDim();
            long width = (long) c.heads() * c.headDim();
            long perLayer = 3 * width * d + width * d + (d * c.ffDim() + c.ffDim()) + (c.ffDim() * d + d) + 4 * d;
            long expected = VOCAB * d + VOCAB + 2 * (d + 1) + c.layers() * perLayer;
            assertEquals(expected, lm.parameterCount());
        }
    }

    @Test
    void initialisationFollowsTheOfficialCode() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig c = LmConfig.tiny(2000, "unused").withLayers(1);
            TransformerLm lm = LmTestSupport.model(m, c, DenseCausalReference.Family.SOFTMAX, 0);
            var params = lm.getParameters();
            NDArray emb = param(params, "01embedding_weight");
            assertEquals(0.02, std(emb), 0.002);
            NDArray gain = param(params, "03layer0_05norm1_gamma");
            assertEquals(1.0, gain.mean().getFloat(), 0.02);
            assertTrue(gain.sub(1f).abs().max().getFloat() > 0, "LayerNorm gains are N(1, 0.02), not all 1");
            NDArray ff1 = param(params, "03layer0_06ff1_weight");
            assertEquals(0.02, std(ff1), 0.002);
            assertEquals(0f, param(params, "03layer0_06ff1_bias").abs().max().getFloat());
        }
    }

    @Test
    void refusesSegmentsLongerThanTheContext() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig c = LmConfig.tiny(VOCAB, "unused");
            TransformerLm lm = LmTestSupport.model(m, c, DenseCausalReference.Family.SOFTMAX, 0);
            NDArray tokens = m.zeros(new Shape(1, c.context() + 1), ai.djl.ndarray.types.DataType.INT32);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> lm.hidden(LmTestSupport.store(m), tokens, false));
            assertTrue(e.getMessage().contains("context"));
        }
    }

    @Test
    void oneAdamStepLowersTheLossOnARepeatedBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig c = LmConfig.tiny(VOCAB, "unused").withCutoffs(10);
            TransformerLm lm = LmTestSupport.model(m, c, DenseCausalReference.Family.FMM, 4);
            ParameterStore ps = new ParameterStore(m, false);
            ai.djl.training.optimizer.Optimizer adam = ai.djl.training.optimizer.Optimizer.adam()
                    .optLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(1e-2f)).build();
            Random r = new Random(1);
            NDArray x = m.create(randomTokens(r, 32), new Shape(2, 16));
            NDArray y = m.create(randomTokens(r, 32), new Shape(2, 16));
            float first = 0;
            float last = 0;
            for (int step = 0; step < 5; step++) {
                try (NDManager sm = m.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = lm.forward(ps, new ai.djl.ndarray.NDList(x, y), true).singletonOrThrow()
                            .neg().mean();
                    gc.backward(loss);
                    last = loss.getFloat();
                    if (step == 0) {
                        first = last;
                    }
                    for (var p : lm.getParameters()) {
                        NDArray w = p.getValue().getArray();
                        adam.update(p.getValue().getId(), w, w.getGradient());
                    }
                }
            }
            assertTrue(last < first, "loss " + first + " -> " + last);
        }
    }

    private static double std(NDArray a) {
        float[] v = a.toFloatArray();
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    private static NDArray param(ai.djl.nn.ParameterList params, String name) {
        for (var p : params) {
            if (p.getKey().equals(name)) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no parameter " + name + " in " + params.keys());
    }
}
