package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class AdaptiveSoftmaxTest {
    private static final int VOCAB = 50;
    private static final int DIM = 8;

    private static AdaptiveSoftmax build(NDManager m, int... cutoffs) {
        ScaledEmbedding emb = new ScaledEmbedding(VOCAB, DIM);
        emb.initialize(m, DataType.FLOAT32, new Shape(4));
        // larger weights than the N(0, 0.02) init so that the distributions are far from uniform
        emb.weight().getArray().muli(50f);
        AdaptiveSoftmax out = new AdaptiveSoftmax(emb.weight(), VOCAB, DIM, cutoffs);
        out.initialize(m, DataType.FLOAT32, new Shape(6, DIM), new Shape(6));
        for (var p : out.getDirectParameters()) {
            p.getValue().getArray().set(m.randomNormal(0f, 1f, p.getValue().getArray().getShape(),
                    DataType.FLOAT32).toFloatArray());
        }
        return out;
    }

    @Test
    void fullLogProbabilitiesSumToOneOverTheVocabulary() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdaptiveSoftmax out = build(m, 10, 20, 35);
            NDArray h = m.randomNormal(new Shape(6, DIM));
            NDArray lp = out.logProbabilities(new ParameterStore(m, false), h, false);
            assertEquals(new Shape(6, VOCAB), lp.getShape());
            float[] sums = lp.exp().sum(new int[] {1}).toFloatArray();
            for (float s : sums) {
                assertEquals(1f, s, 1e-4f);
            }
        }
    }

    @Test
    void targetLogProbabilitiesEqualTheFullDistributionAtTheTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdaptiveSoftmax out = build(m, 10, 20, 35);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = m.randomNormal(new Shape(6, DIM));
            long[] targets = {3, 49, 12, 0, 25, 36};
            float[] full = out.logProbabilities(ps, h, false).toFloatArray();
            float[] picked = out.targetLogProbs(ps, h, m.create(targets), false).toFloatArray();
            for (int r = 0; r < targets.length; r++) {
                assertEquals(full[r * VOCAB + (int) targets[r]], picked[r], 1e-5f, "row " + r);
            }
        }
    }

    @Test
    void withoutCutoffsItIsThePlainSoftmaxOfTheTiedLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdaptiveSoftmax out = build(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = m.randomNormal(new Shape(6, DIM));
            NDArray w = out.tiedWeight().getArray();
            NDArray b = out.getDirectParameters().get("bias").getArray();
            float[] expected = h.matMul(w.transpose()).add(b).logSoftmax(1).toFloatArray();
            assertArrayEquals(expected, out.logProbabilities(ps, h, false).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void gradientsReachTheTiedEmbeddingThroughHeadAndTails() {
        try (NDManager m = NDManager.newBaseManager()) {
            ScaledEmbedding emb = new ScaledEmbedding(VOCAB, DIM);
            emb.initialize(m, DataType.FLOAT32, new Shape(4));
            AdaptiveSoftmax out = new AdaptiveSoftmax(emb.weight(), VOCAB, DIM, new int[] {10, 30});
            out.initialize(m, DataType.FLOAT32, new Shape(3, DIM), new Shape(3));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = m.randomNormal(new Shape(3, DIM));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = out.targetLogProbs(ps, h, m.create(new long[] {2, 15, 40}), true).neg().sum();
                gc.backward(loss);
            }
            float[] g = emb.weight().getArray().getGradient().abs().sum(new int[] {1}).toFloatArray();
            // rows of the three targets' clusters get gradient; a head word's row too
            assertEquals(true, g[2] > 0 && g[15] > 0 && g[40] > 0 && g[29] > 0 && g[45] > 0);
            float[] cg = out.getDirectParameters().get("clusterWeight").getArray().getGradient().abs()
                    .sum(new int[] {1}).toFloatArray();
            assertEquals(true, cg[0] > 0 && cg[1] > 0);
        }
    }

    @Test
    void rejectsCutoffsOutsideTheVocabulary() {
        try (NDManager m = NDManager.newBaseManager()) {
            ScaledEmbedding emb = new ScaledEmbedding(VOCAB, DIM);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AdaptiveSoftmax(emb.weight(), VOCAB, DIM, new int[] {20, 10}));
            assertEquals(true, e.getMessage().contains("strictly increasing"));
            assertThrows(IllegalArgumentException.class,
                    () -> new AdaptiveSoftmax(emb.weight(), VOCAB, DIM, new int[] {VOCAB}));
        }
    }

    @Test
    void rejectsTargetsOutsideTheVocabulary() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdaptiveSoftmax out = build(m, 10);
            NDArray h = m.randomNormal(new Shape(1, DIM));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> out.targetLogProbs(new ParameterStore(m, false), h, m.create(new long[] {VOCAB}), false));
            assertEquals(true, e.getMessage().contains("outside the vocabulary"));
        }
    }
}
