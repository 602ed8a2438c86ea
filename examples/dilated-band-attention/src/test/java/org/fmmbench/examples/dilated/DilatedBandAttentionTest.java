package org.fmmbench.examples.dilated;

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
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.junit.jupiter.api.Test;

class DilatedBandAttentionTest {
    private static final float TOLERANCE = 2e-5f;

    @Test
    void matchesDenseReferenceWithPaddedKeys() {
        assertMatchesDense("dilated-band:k=3,dilation=2", AttentionSettings.nonCausal(2, 8), 2, 37, new int[] {0, 6});
    }

    @Test
    void causalMatchesDenseReference() {
        assertMatchesDense("dilated-band:k=4,dilation=3", AttentionSettings.causal(2, 8), 2, 29, null);
    }

    @Test
    void bandReachingPastTheSequenceMatchesDenseReference() {
        assertMatchesDense("dilated-band:k=6,dilation=4", AttentionSettings.nonCausal(1, 4), 1, 9, new int[] {2});
    }

    @Test
    void dilationOneIsTheBuiltInBand() {
        VariantRegistry registry = VariantRegistry.load();
        AttentionSettings settings = AttentionSettings.nonCausal(2, 8);
        Inputs in = new Inputs(2, 2, 33, 8, new int[] {3, 0}, 7);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] dilated = in.run(manager, registry.create("dilated-band:k=4,dilation=1", settings)).out;
            float[] band = in.run(manager, registry.create("band:k=4", settings)).out;
            assertClose(band, dilated, "output");
        }
    }

    @Test
    void registryFindsItThroughItsServiceFile() {
        VariantRegistry registry = VariantRegistry.load();
        assertTrue(registry.providers().containsKey("dilated-band"), registry.providers().keySet().toString());
        Attention a = registry.create("dilated-band", AttentionSettings.nonCausal(1, 4));
        assertEquals("dilated-band", a.spec().toString());
    }

    @Test
    void impossibleParametersAreNamed() {
        VariantRegistry registry = VariantRegistry.load();
        AttentionSettings settings = AttentionSettings.nonCausal(1, 4);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> registry.create("dilated-band:dilation=0", settings));
        assertTrue(zero.getMessage().contains("dilation='0'"), zero.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.create("dilated-band:stride=2", settings));
        assertTrue(unknown.getMessage().contains("'stride'"), unknown.getMessage());
    }

    private static void assertMatchesDense(String spec, AttentionSettings settings, int batch, int n, int[] padded) {
        Attention block = VariantRegistry.load().create(spec, settings);
        DilatedBandAttention dilated = (DilatedBandAttention) block;
        Inputs in = new Inputs(batch, settings.heads(), n, settings.headDim(), padded, 11);
        try (NDManager manager = NDManager.newBaseManager()) {
            Pass fast = in.run(manager, block);
            Pass dense = in.run(manager, (q, k, v, mask) -> denseReference(q, k, v, mask, dilated, settings));
            assertClose(dense.out, fast.out, "output");
            assertClose(dense.dq, fast.dq, "dq");
            assertClose(dense.dk, fast.dk, "dk");
            assertClose(dense.dv, fast.dv, "dv");
        }
    }

    /** Plain softmax over the full (N, N) score matrix with the allowed keys picked by a 0 / -1e9 mask. */
    private static NDArray denseReference(NDArray q, NDArray k, NDArray v, NDArray mask, DilatedBandAttention block,
            AttentionSettings settings) {
        int n = (int) q.getShape().get(2);
        int steps = Integer.parseInt(block.spec().params().getOrDefault("k", "5"));
        int dilation = Integer.parseInt(block.spec().params().getOrDefault("dilation", "2"));
        float[] allowed = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int offset = j - i;
                boolean onGrid = offset % dilation == 0 && Math.abs(offset / dilation) <= steps - 1;
                boolean visible = settings.causal() ? offset <= 0 : true;
                allowed[i * n + j] = onGrid && visible ? 0f : -1e9f;
            }
        }
        NDManager m = q.getManager();
        NDArray scores = q.matMul(k.swapAxes(2, 3)).div(m.full(new Shape(), (float) Math.sqrt(q.getShape().get(3))));
        scores = scores.add(m.create(allowed, new Shape(n, n)));
        if (mask != null) {
            scores = scores.add(mask.sub(1f).mul(1e6f).reshape(mask.getShape().get(0), 1, 1, n));
        }
        return scores.softmax(-1).matMul(v);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            float bound = TOLERANCE * Math.max(1f, Math.abs(expected[i]));
            if (Math.abs(expected[i] - actual[i]) > bound) {
                throw new AssertionError(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /** Output and input gradients of one pass with loss sum(out * R). */
    private record Pass(float[] out, float[] dq, float[] dk, float[] dv) {}

    private interface AttentionFunction {
        NDArray apply(NDArray q, NDArray k, NDArray v, NDArray mask);
    }

    /** Random q, k, v, upstream gradient and key mask (padding at the end of each sequence). */
    private static final class Inputs {
        final Shape shape;
        final float[] q;
        final float[] k;
        final float[] v;
        final float[] upstream;
        final float[] mask;

        Inputs(int batch, int heads, int n, int d, int[] padded, long seed) {
            Random random = new Random(seed);
            shape = new Shape(batch, heads, n, d);
            int size = (int) shape.size();
            q = gaussian(random, size);
            k = gaussian(random, size);
            v = gaussian(random, size);
            upstream = gaussian(random, size);
            if (padded == null) {
                mask = null;
            } else {
                mask = new float[batch * n];
                for (int b = 0; b < batch; b++) {
                    for (int j = 0; j < n; j++) {
                        mask[b * n + j] = j < n - padded[b] ? 1f : 0f;
                    }
                }
            }
        }

        Pass run(NDManager manager, Attention block) {
            return run(manager, (q, k, v, mask) ->
                    block.attend(new ParameterStore(q.getManager(), false), q, k, v, mask, false));
        }

        Pass run(NDManager manager, AttentionFunction f) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray qa = grad(sub.create(q, shape));
                NDArray ka = grad(sub.create(k, shape));
                NDArray va = grad(sub.create(v, shape));
                NDArray m = mask == null ? null : sub.create(mask, new Shape(shape.get(0), shape.get(2)));
                NDArray out;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    out = f.apply(qa, ka, va, m);
                    gc.backward(out.mul(sub.create(upstream, shape)).sum());
                }
                return new Pass(out.toFloatArray(), qa.getGradient().toFloatArray(),
                        ka.getGradient().toFloatArray(), va.getGradient().toFloatArray());
            }
        }

        private static NDArray grad(NDArray a) {
            a.setRequiresGradient(true);
            return a;
        }

        private static float[] gaussian(Random random, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) random.nextGaussian();
            }
            return x;
        }
    }
}
