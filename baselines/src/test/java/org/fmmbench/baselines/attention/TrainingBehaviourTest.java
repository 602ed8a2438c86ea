package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Attention dropout and autograd behaviour while training. */
class TrainingBehaviourTest extends NDManagerPerClass {
    private static final int H = 2;
    private static final int D = 8;
    private static final int N = 40;
    private static final Shape SHAPE = new Shape(2, H, N, D);

    @ParameterizedTest
    @CsvSource({"softmax,true", "band:k=5,true", "fmm:k=5,true", "linear,false"})
    void attentionDropoutActsOnSoftmaxProbabilitiesOnlyWhileTraining(String spec, boolean softmaxInside) {
        for (boolean causal : new boolean[] {false, true}) {
            AttentionSettings settings = new AttentionSettings(H, D, causal, 0.5f);
            Attention block = VariantRegistry.load().create(spec, settings);
            block.initialize(manager, DataType.FLOAT32, SHAPE, SHAPE, SHAPE);
            float[][] qkv = inputs(3);
            float[] evaluation = forward(block, qkv, false);
            float[] training = forward(block, qkv, true);
            if (softmaxInside) {
                assertFalse(Arrays.equals(evaluation, training), spec + ": no dropout while training");
            } else {
                assertArrayEquals(evaluation, training, spec + ": the far field must not be dropped out");
            }
            Attention noDropout = VariantRegistry.load().create(spec, settings.withDropout(0f));
            noDropout.initialize(manager, DataType.FLOAT32, SHAPE, SHAPE, SHAPE);
            assertArrayEquals(forward(noDropout, qkv, false), forward(noDropout, qkv, true), spec + ": p = 0");
        }
    }

    /**
     * DJL's mul(Number) backs the scalar with a Java buffer that a garbage collection frees while autograd still
     * holds it; gradients then turned into garbage (values like 1e18). The variants must not depend on that.
     */
    @ParameterizedTest
    @ValueSource(strings = {"softmax", "linear", "band:k=5", "fmm:k=5,kernels=elu+elu_flip+tanh,kmix=fixed",
        "fmm:k=5,kernels=elu+elu_flip,blend=mix,kmix=learned_c"})
    void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward(String spec) throws InterruptedException {
        for (boolean causal : new boolean[] {false, true}) {
            Attention block = VariantRegistry.load().create(spec, new AttentionSettings(H, D, causal, 0f));
            block.initialize(manager, DataType.FLOAT32, SHAPE, SHAPE, SHAPE);
            float[][] qkv = inputs(5);
            float[] quiet = gradientOfQ(block, qkv, false);
            float[] collected = gradientOfQ(block, qkv, true);
            assertArrayEquals(quiet, collected, spec + (causal ? " causal" : ""));
        }
    }

    /** The same for the fast-weight rows, which are causal only (their delta rule divides by sqrt d). */
    @ParameterizedTest
    @ValueSource(strings = {"fastweight", "fastweight:k=5", "fastweight:k=5,kernels=elu+elu"})
    void fastWeightGradientsSurviveAGarbageCollectionBetweenForwardAndBackward(String spec)
            throws InterruptedException {
        Attention block = VariantRegistry.load().create(spec, new AttentionSettings(H, D, true, 0f));
        block.initialize(manager, DataType.FLOAT32, SHAPE, SHAPE, SHAPE);
        float[][] qkv = inputs(5);
        assertArrayEquals(gradientOfQ(block, qkv, false), gradientOfQ(block, qkv, true), spec);
    }

    private static float[][] inputs(long seed) {
        Random random = new Random(seed);
        int size = (int) SHAPE.size();
        return new float[][] {AttentionRun.gaussian(random, size), AttentionRun.gaussian(random, size),
            AttentionRun.gaussian(random, size)};
    }

    private static float[] forward(Attention block, float[][] qkv, boolean training) {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.create(qkv[0], SHAPE), sub.create(qkv[1], SHAPE), sub.create(qkv[2], SHAPE));
            Engine.getInstance().setRandomSeed(1);
            return block.forward(new ParameterStore(sub, false), in, training).singletonOrThrow().toFloatArray();
        }
    }

    private static float[] gradientOfQ(Attention block, float[][] qkv, boolean collectGarbage)
            throws InterruptedException {
        try (NDManager sub = manager.newSubManager()) {
            NDArray q = sub.create(qkv[0], SHAPE);
            q.setRequiresGradient(true);
            NDList in = new NDList(q, sub.create(qkv[1], SHAPE), sub.create(qkv[2], SHAPE));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(sub, false), in, false).singletonOrThrow();
                NDArray loss = out.mul(sub.create(qkv[2], SHAPE)).sum();
                if (collectGarbage) {
                    churnTheHeap();
                }
                gc.backward(loss);
            }
            return q.getGradient().toFloatArray();
        }
    }

    /** Frees unreachable direct buffers and lets new allocations reuse their memory. */
    private static void churnTheHeap() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 50; i++) {
                java.nio.ByteBuffer.allocateDirect(1 << 16).putFloat(0, 12345f);
            }
        }
    }
}
