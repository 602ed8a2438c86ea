package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant equals the plain N x N reference of the official math, in outputs and in gradients with respect
 * to q, k, v and every blend / kernel-mix weight (set to random values first), in float32 with padded keys.
 */
class MatchesDenseReferenceTest extends NDManagerPerClass {
    /** Largest allowed |difference|, relative to the reference's largest magnitude when that exceeds 1. */
    private static final float TOLERANCE = 1e-5f;

    /** Shapes and band; {@code padded} = padded keys per batch element (null = no mask). */
    record Case(int batch, int heads, int n, int d, int k, int[] padded) {
        @Override
        public String toString() {
            return "B=" + batch + " H=" + heads + " N=" + n + " d=" + d + " k=" + k
                    + (padded == null ? " no mask" : " padded=" + Arrays.toString(padded));
        }
    }

    static List<Case> shapes() {
        return List.of(
                new Case(2, 2, 37, 8, 5, new int[] {3, 11}), // N not a multiple of the block or chunk
                new Case(1, 3, 16, 4, 1, new int[] {5}), // k = 1: the diagonal only
                new Case(2, 1, 10, 8, 12, new int[] {0, 4}), // k >= N: the band covers everything
                new Case(2, 2, 50, 16, 20, new int[] {7, 19}), // band wider than the preferred block
                new Case(1, 2, 150, 8, 5, new int[] {30}), // several causal chunks, with a tail
                new Case(2, 2, 64, 8, 5, null), // no mask, exact multiple of block and chunk
                new Case(2, 1, 1, 4, 3, new int[] {0, 0})); // a single position
    }

    static List<String> variants() {
        List<String> v = new ArrayList<>(List.of("softmax", "linear", "band:k=K"));
        for (String blend : BlendRule.specNames()) {
            v.add("fmm:k=K,kernels=elu,blend=" + blend);
        }
        for (String kmix : KernelMix.specNames()) {
            v.add("fmm:k=K,kernels=elu+elu_flip,blend=per_head,kmix=" + kmix);
            v.add("fmm:k=K,kernels=elu+elu_flip+tanh,blend=mix,kmix=" + kmix);
        }
        v.add("fmm:k=K,kernels=tanh+elu_flip,blend=far_channel,kmix=learned_c");
        v.add("fmm:k=K,kernels=elu+elu_flip,blend=near_channel,kmix=fixed");
        v.add("fmm:k=K,kernels=elu+elu_flip,blend=near_gate,kmix=learned_ab");
        return v;
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : shapes()) {
            for (String variant : variants()) {
                for (boolean causal : new boolean[] {false, true}) {
                    all.add(Arguments.of(variant.replace("K", Integer.toString(c.k())), causal, c));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} causal={1} {2}")
    @MethodSource("cases")
    void variantMatchesDenseReferenceInOutputsAndGradients(String spec, boolean causal, Case c) {
        AttentionSettings settings = new AttentionSettings(c.heads(), c.d(), causal, 0f);
        Attention block = VariantRegistry.load().create(spec, settings);
        AttentionRun run = new AttentionRun(c.batch(), c.heads(), c.n(), c.d(), c.padded(), spec.hashCode());
        Map<String, AttentionRun.Weight> weights = run.initialiseWithRandomWeights(block, manager, 7);

        AttentionRun.Result actual = run.run(block, manager, false);
        AttentionRun.Result expected = run.runReference(manager, weights, in -> reference(spec, causal, in));

        String where = spec + (causal ? " causal " : " ") + c + ": ";
        assertClose(where + "output", expected.out(), actual.out());
        assertClose(where + "dL/dq", expected.dq(), actual.dq());
        assertClose(where + "dL/dk", expected.dk(), actual.dk());
        assertClose(where + "dL/dv", expected.dv(), actual.dv());
        assertEquals(expected.dWeights().keySet(), actual.dWeights().keySet(), where + "weights");
        for (String name : expected.dWeights().keySet()) {
            assertClose(where + "dL/d" + name, expected.dWeights().get(name), actual.dWeights().get(name));
        }
    }

    /** The dense official math for a spec of this test's variant list. */
    private static NDArray reference(String text, boolean causal, AttentionRun.Inputs in) {
        VariantSpec spec = VariantSpec.parse(text);
        DenseReference dense = new DenseReference(in.q(), in.k(), in.v(), in.mask(), causal);
        switch (spec.name()) {
            case "softmax":
                return dense.softmax(0);
            case "linear":
                return dense.far(List.of("elu")).get(0);
            case "band":
                return dense.softmax(Integer.parseInt(spec.params().get("k")));
            default:
                NDArray near = dense.softmax(Integer.parseInt(spec.params().get("k")));
                List<String> kernels = List.of(spec.params().get("kernels").split("\\+"));
                List<NDArray> far = dense.far(kernels);
                NDArray mixed = kernels.size() == 1
                        ? far.get(0)
                        : DenseReference.mixKernels(spec.params().get("kmix"), far, in.weights());
                return DenseReference.blend(spec.params().get("blend"), near, mixed, in.weights());
        }
    }

    static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " size");
        float largest = 0f;
        float worst = 0f;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), what + " is not finite at " + i + ": " + actual[i]);
            largest = Math.max(largest, Math.abs(expected[i]));
            float diff = Math.abs(expected[i] - actual[i]);
            if (diff > worst) {
                worst = diff;
                at = i;
            }
        }
        float allowed = TOLERANCE * Math.max(1f, largest);
        final int index = at;
        final float diff = worst;
        assertTrue(worst <= allowed, () -> what + ": max |difference| " + diff + " > " + allowed + " at " + index
                + " (expected " + expected[index] + ", got " + actual[index] + ")");
    }
}
