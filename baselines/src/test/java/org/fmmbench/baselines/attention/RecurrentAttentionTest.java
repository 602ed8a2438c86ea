package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attending a stream chunk by chunk with carried state gives the output of one causal pass over it. */
class RecurrentAttentionTest extends NDManagerPerClass {
    private static final int BATCH = 2;
    private static final int HEADS = 2;
    private static final int D = 8;
    /** Spans two far-field chunks (64) and many near-field blocks (16), with a tail. */
    private static final int N = 101;

    @ParameterizedTest
    @ValueSource(strings = {"linear", "band:k=1", "band:k=5", "fmm:k=5,kernels=elu,blend=per_head",
        "fmm:k=20,kernels=elu+elu_flip,blend=near_channel,kmix=learned_ab",
        "fmm:k=3,kernels=elu+elu_flip+tanh,blend=mix,kmix=fixed", "fastweight", "fastweight:k=5",
        "fastweight:k=20,kernels=elu+elu"})
    void chunkByChunkWithCarriedStateEqualsOneCausalPass(String spec) {
        Attention block = VariantRegistry.load().create(spec, AttentionSettings.causal(HEADS, D));
        Shape shape = new Shape(BATCH, HEADS, N, D);
        block.initialize(manager, DataType.FLOAT32, shape, shape, shape);
        randomiseBlendAndKernelWeights(block, new Random(5));
        Random random = new Random(13);
        int size = BATCH * HEADS * N * D;
        NDArray q = manager.create(AttentionRun.gaussian(random, size), shape);
        NDArray k = manager.create(AttentionRun.gaussian(random, size), shape);
        NDArray v = manager.create(AttentionRun.gaussian(random, size), shape);
        ParameterStore store = new ParameterStore(manager, false);
        float[] whole = block.forward(store, new NDList(q, k, v), false).singletonOrThrow().toFloatArray();

        // 1 and 2 are shorter than most bands, 7 and 64 do not divide N, 101 is the whole stream at once
        for (int chunk : new int[] {1, 2, 7, 64, N}) {
            float[] chunked = new float[size];
            try (AttentionState state = new AttentionState(manager)) {
                for (int start = 0; start < N; start += chunk) {
                    int c = Math.min(chunk, N - start);
                    try (NDManager sub = manager.newSubManager()) {
                        NDIndex rows = new NDIndex(":, :, {}:{}", start, start + c);
                        NDArray out = ((RecurrentAttention) block).attendNext(new ParameterStore(sub, false),
                                slice(q, rows, sub), slice(k, rows, sub), slice(v, rows, sub), state);
                        float[] part = out.toFloatArray();
                        for (int bh = 0; bh < BATCH * HEADS; bh++) {
                            System.arraycopy(part, bh * c * D, chunked, (bh * N + start) * D, c * D);
                        }
                    }
                }
            }
            float maxDiff = 0;
            for (int i = 0; i < size; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(whole[i] - chunked[i]));
            }
            assertTrue(maxDiff < 1e-5f, spec + ", chunk " + chunk + ": max |difference| " + maxDiff);
        }
    }

    @Test
    void softmaxIsNotRecurrent() {
        Attention softmax = VariantRegistry.load().create("softmax", AttentionSettings.causal(HEADS, D));
        assertFalse(softmax instanceof RecurrentAttention);
    }

    @Test
    void aNonCausalBlockRefusesToCarryState() {
        Attention linear = VariantRegistry.load().create("linear", AttentionSettings.nonCausal(HEADS, D));
        Shape shape = new Shape(1, HEADS, 4, D);
        linear.initialize(manager, DataType.FLOAT32, shape, shape, shape);
        NDArray x = manager.ones(shape);
        try (AttentionState state = new AttentionState(manager)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    ((RecurrentAttention) linear).attendNext(new ParameterStore(manager, false), x, x, x, state));
            assertTrue(e.getMessage().contains("not causal"), e.getMessage());
        }
    }

    @Test
    void theCarriedStateDoesNotGrowWithTheStream() {
        Attention block = VariantRegistry.load().create("fmm:k=5,kernels=elu,blend=per_head",
                AttentionSettings.causal(HEADS, D));
        Shape shape = new Shape(1, HEADS, 3, D);
        block.initialize(manager, DataType.FLOAT32, shape, shape, shape);
        try (AttentionState state = new AttentionState(manager)) {
            for (int step = 0; step < 10; step++) {
                try (NDManager sub = manager.newSubManager()) {
                    NDArray x = sub.randomNormal(shape);
                    ((RecurrentAttention) block).attendNext(new ParameterStore(sub, false), x, x, x, state);
                }
            }
            // the band keeps k - 1 = 4 positions, the far field (d, d) and (1, d) sums
            assertEquals(new Shape(1, HEADS, 4, D), state.get("near.keys").getShape());
            assertEquals(new Shape(1, HEADS, 1, D, D), state.get("far0.stateT").getShape());
        }
    }

    private static NDArray slice(NDArray x, NDIndex rows, NDManager sub) {
        NDArray part = x.get(rows);
        part.attach(sub);
        return part;
    }

    /** Blend and kernel weights start at values that switch a field off (e.g. far weight 0); set them all. */
    static void randomiseBlendAndKernelWeights(Attention block, Random random) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] values = new float[(int) a.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = 0.2f + random.nextFloat();
            }
            a.set(values);
        }
    }
}
