package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowEvaluatorTest {
    private static final int VOCAB = 30;

    private static int[] stream(int n, long seed) {
        Random r = new Random(seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(VOCAB);
        }
        return s;
    }

    private static List<Float> evaluate(TransformerLm lm, NDManager m, int[] tokens,
            SlidingWindowEvaluator.Settings settings) {
        List<Float> nll = new ArrayList<>();
        long scored = new SlidingWindowEvaluator(lm, LmTestSupport.store(m), settings).evaluate(m, tokens.length,
                (from, dst, off, len) -> System.arraycopy(tokens, (int) from, dst, off, len),
                values -> {
                    for (float v : values) {
                        nll.add(v);
                    }
                }, null);
        assertEquals(tokens.length - 1, scored);
        assertEquals(tokens.length - 1, nll.size());
        return nll;
    }

    @Test
    void aUniformModelHasPerplexityEqualToTheVocabularySize() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLm lm = LmTestSupport.model(m, LmConfig.tiny(VOCAB, "unused"),
                    DenseCausalReference.Family.FMM, 4);
            // zero output weights and biases: every logit is 0 whatever the hidden state
            lm.output().tiedWeight().getArray().muli(0f);
            lm.output().getDirectParameters().get("bias").getArray().muli(0f);
            List<Float> nll = evaluate(lm, m, stream(90, 1), new SlidingWindowEvaluator.Settings(16, 5, 3));
            double mean = nll.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
            assertEquals(VOCAB, Math.exp(mean), 1e-3);
        }
    }

    @Test
    void batchedEvaluationEqualsScoringEachWindowOnItsOwn() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig config = LmConfig.tiny(VOCAB, "unused").withCutoffs(8, 20);
            TransformerLm lm = LmTestSupport.model(m, config, DenseCausalReference.Family.FMM, 3);
            int[] tokens = stream(57, 2);
            int window = 12;
            int stride = 5;
            List<Float> batched = evaluate(lm, m, tokens, new SlidingWindowEvaluator.Settings(window, stride, 4));

            ParameterStore ps = LmTestSupport.store(m);
            List<Float> reference = new ArrayList<>();
            for (WindowPlan.Window w : WindowPlan.windows(tokens.length, window, stride, 0,
                    WindowPlan.count(tokens.length, window, stride))) {
                int n = w.length();
                int[] x = new int[n];
                System.arraycopy(tokens, (int) w.start(), x, 0, n);
                NDArray all = lm.logProbabilities(ps, m.create(x, new Shape(1, n)), false);
                float[] lp = all.toFloatArray();
                for (int i = n - w.scored(); i < n; i++) {
                    reference.add(-lp[i * VOCAB + tokens[(int) w.start() + i + 1]]);
                }
            }
            assertEquals(reference.size(), batched.size());
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i), batched.get(i), 1e-4f, "target " + (i + 1));
            }
        }
    }

    @Test
    void strideOneAndFullWindowStrideAgreeOnTheFirstWindow() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLm lm = LmTestSupport.model(m, LmConfig.tiny(VOCAB, "unused"),
                    DenseCausalReference.Family.BAND, 3);
            int[] tokens = stream(40, 3);
            List<Float> paper = evaluate(lm, m, tokens, SlidingWindowEvaluator.Settings.paper(16, 8));
            List<Float> coarse = evaluate(lm, m, tokens, new SlidingWindowEvaluator.Settings(16, 16, 8));
            for (int i = 0; i < 16; i++) {
                assertEquals(paper.get(i), coarse.get(i), 1e-5f);
            }
        }
    }
}
