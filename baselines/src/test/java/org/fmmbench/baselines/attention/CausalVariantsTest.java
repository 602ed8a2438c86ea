package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Causal variants never look ahead: changing the future leaves the past bit-identical. */
class CausalVariantsTest extends NDManagerPerClass {
    private static final int HEADS = 2;
    private static final int D = 8;
    /** Spans three far-field chunks (64) and many near-field blocks (16), with a tail. */
    private static final int N = 150;

    @ParameterizedTest
    @ValueSource(strings = {"softmax", "linear", "band:k=5", "band:k=20", "fmm:k=5,kernels=elu,blend=near_channel",
        "fmm:k=3,kernels=elu+elu_flip+tanh,blend=mix,kmix=fixed", "fmm:k=20,kernels=elu+elu_flip,kmix=learned_c"})
    void perturbingPositionsAfterTLeavesOutputsUpToTBitIdentical(String spec) {
        Attention block = VariantRegistry.load().create(spec, AttentionSettings.causal(HEADS, D));
        Shape shape = new Shape(1, HEADS, N, D);
        block.initialize(manager, DataType.FLOAT32, shape, shape, shape);
        Random random = new Random(11);
        float[][] qkv = {AttentionRun.gaussian(random, N * HEADS * D), AttentionRun.gaussian(random, N * HEADS * D),
            AttentionRun.gaussian(random, N * HEADS * D)};
        float[] before = forward(block, qkv);
        for (int t : new int[] {0, 15, 16, 63, 64, 100, N - 2}) {
            float[][] changed = new float[3][];
            for (int which = 0; which < 3; which++) {
                changed[which] = qkv[which].clone();
                for (int h = 0; h < HEADS; h++) {
                    for (int i = t + 1; i < N; i++) {
                        for (int e = 0; e < D; e++) {
                            changed[which][(h * N + i) * D + e] += 3f * (float) random.nextGaussian();
                        }
                    }
                }
            }
            float[] after = forward(block, changed);
            for (int h = 0; h < HEADS; h++) {
                int from = h * N * D;
                int to = from + (t + 1) * D;
                assertArrayEquals(Arrays.copyOfRange(before, from, to), Arrays.copyOfRange(after, from, to),
                        spec + ": head " + h + " positions <= " + t + " changed");
                assertFalse(Arrays.equals(Arrays.copyOfRange(before, to, from + N * D),
                        Arrays.copyOfRange(after, to, from + N * D)), spec + ": the perturbation had no effect");
            }
        }
    }

    private static float[] forward(Attention block, float[][] qkv) {
        try (NDManager sub = manager.newSubManager()) {
            Shape shape = new Shape(1, HEADS, N, D);
            NDList in = new NDList(sub.create(qkv[0], shape), sub.create(qkv[1], shape), sub.create(qkv[2], shape));
            NDArray out = block.forward(new ParameterStore(sub, false), in, false).singletonOrThrow();
            return out.toFloatArray();
        }
    }
}
