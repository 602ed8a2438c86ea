package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stateful evaluation is one causal pass over the stream: it equals the whole-stream forward and a sliding
 * window that covers the stream, whatever the chunk size; for longer streams it equals the windowed result
 * exactly when the window covers the model's receptive field.
 */
class StatefulEvaluatorTest {
    private static final int VOCAB = 30;
    private static final float TOLERANCE = 1e-4f;

    @ParameterizedTest
    @ValueSource(strings = {"linear", "band:k=5", "fmm:k=5,kernels=elu,blend=near_channel",
        "fmm:k=20,kernels=elu+elu_flip,blend=near_channel,kmix=fixed"})
    void statefulEqualsOneCausalPassAndAWindowCoveringTheStream(String spec) {
        try (NDManager m = NDManager.newBaseManager()) {
            // 75 tokens: 74 inputs span two far-field chunks of 64 in the whole-stream pass
            int[] tokens = stream(75, 4);
            TransformerLm lm = model(m, spec, 80, 8, 20);
            ParameterStore ps = new ParameterStore(m, false);
            int n = tokens.length - 1;
            float[] all = lm.logProbabilities(ps, m.create(Arrays.copyOf(tokens, n), new Shape(1, n)),
                    false).toFloatArray();
            List<Float> onePass = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                onePass.add(-all[i * VOCAB + tokens[i + 1]]);
            }
            List<Float> windowed = evaluate(new SlidingWindowEvaluator(lm, ps,
                    new SlidingWindowEvaluator.Settings(80, 1, 4)), m, tokens);
            assertClose(onePass, windowed, spec + " windowed");
            // 1 and 3 are shorter than the bands, 7 does not divide 74, 200 holds the stream in one chunk
            for (int chunk : new int[] {1, 3, 7, 74, 200}) {
                List<Float> stateful = evaluate(new StatefulEvaluator(lm, ps, chunk), m, tokens);
                assertClose(onePass, stateful, spec + " stateful, chunk " + chunk);
            }
        }
    }

    @Test
    void aBandOnlyModelAgreesWithSlidingWindowsThatCoverItsReceptiveField() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 layers of 3 keys each: a token's output depends on the 2 * (3 - 1) = 4 tokens before it
            TransformerLm lm = model(m, "band:k=3", 16, 2, 21);
            ParameterStore ps = new ParameterStore(m, false);
            int[] tokens = stream(60, 5);
            List<Float> stateful = evaluate(new StatefulEvaluator(lm, ps, 5), m, tokens);
            assertClose(stateful, evaluate(new SlidingWindowEvaluator(lm, ps,
                    SlidingWindowEvaluator.Settings.paper(16, 8)), m, tokens), "stride 1");
            // window - stride = 4: the first scored token of each window still sees its 4 predecessors
            assertClose(stateful, evaluate(new SlidingWindowEvaluator(lm, ps,
                    new SlidingWindowEvaluator.Settings(16, 12, 8)), m, tokens), "stride 12");
        }
    }

    @Test
    void withAFarFieldTheStatefulResultSeesFurtherBackThanTheWindow() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLm lm = model(m, "linear", 16, 2, 22);
            ParameterStore ps = new ParameterStore(m, false);
            int[] tokens = stream(60, 6);
            List<Float> stateful = evaluate(new StatefulEvaluator(lm, ps, 16), m, tokens);
            List<Float> windowed = evaluate(new SlidingWindowEvaluator(lm, ps,
                    SlidingWindowEvaluator.Settings.paper(16, 8)), m, tokens);
            // the first window's 16 targets see the whole stream so far in both
            assertClose(stateful.subList(0, 16), windowed.subList(0, 16), "first window");
            float maxDiff = 0;
            for (int i = 16; i < stateful.size(); i++) {
                maxDiff = Math.max(maxDiff, Math.abs(stateful.get(i) - windowed.get(i)));
            }
            // beyond the tolerance under which the equal cases above pass
            assertTrue(maxDiff > TOLERANCE, "later targets see tokens beyond the window only in the stateful "
                    + "evaluation, yet the largest difference is " + maxDiff);
        }
    }

    @Test
    void softmaxHasNoFiniteStateAndIsRefusedWithTheWindowedAlternative() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLm lm = model(m, "softmax", 16, 2, 23);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StatefulEvaluator(lm, new ParameterStore(m, false), 8));
            assertTrue(e.getMessage().contains("'softmax' has no finite state")
                    && e.getMessage().contains("evaluate windowed"), e.getMessage());
            assertEquals(e.getMessage(), StatefulEvaluator.refusal(lm));
        }
    }

    @Test
    void thePapersWindowPositionsAreRefusedNamingStreamPositions() {
        try (NDManager m = NDManager.newBaseManager()) {
            LmConfig config = LmConfig.tiny(VOCAB, "linear");
            TransformerLm lm = TransformerLm.create(config, VariantRegistry.load());
            lm.initialize(m, DataType.FLOAT32, new Shape(1, 8), new Shape(1, 8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StatefulEvaluator(lm, new ParameterStore(m, false), 8));
            assertTrue(e.getMessage().contains("needs stream positions") && e.getMessage().contains("'window'"),
                    e.getMessage());
        }
    }

    /** A tiny model with stream positions, its blend and kernel weights random so that both fields count. */
    private static TransformerLm model(NDManager m, String spec, int context, int batch, long seed) {
        LmConfig config = LmConfig.tiny(VOCAB, spec).withContext(context).withCutoffs(8, 20)
                .withPositions(PositionScheme.STREAM);
        TransformerLm lm = TransformerLm.create(config, VariantRegistry.load());
        lm.initialize(m, DataType.FLOAT32, new Shape(batch, context), new Shape(batch, context));
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : lm.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.OTHER) {
                NDArray a = p.getValue().getArray();
                float[] values = new float[(int) a.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = 0.2f + random.nextFloat();
                }
                a.set(values);
            }
        }
        return lm;
    }

    private static int[] stream(int n, long seed) {
        Random r = new Random(seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(VOCAB);
        }
        return s;
    }

    private static List<Float> evaluate(LmEvaluator evaluator, NDManager m, int[] tokens) {
        List<Float> nll = new ArrayList<>();
        long scored = evaluator.evaluate(m, tokens.length,
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

    private static void assertClose(List<Float> expected, List<Float> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), TOLERANCE, what + ": target " + (i + 1));
        }
    }
}
