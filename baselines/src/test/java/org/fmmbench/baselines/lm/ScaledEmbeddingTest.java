package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.api.Test;

class ScaledEmbeddingTest extends NDManagerPerClass {
    /**
     * Scaling by sqrt(d) with NDArray.mul(float) once made the table's gradient depend on whether a garbage
     * collection ran before backward: DJL frees the scalar tensor that autograd still holds. The smoke LM cells
     * then diverged or drifted apart from run to run.
     */
    @Test
    void tableGradientSurvivesAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        ScaledEmbedding embedding = new ScaledEmbedding(50, 16);
        Engine.getInstance().setRandomSeed(3);
        embedding.initialize(manager, DataType.FLOAT32, new Shape(2, 7));
        assertArrayEquals(tableGradient(embedding, false), tableGradient(embedding, true));
    }

    private static float[] tableGradient(ScaledEmbedding embedding, boolean collectGarbage)
            throws InterruptedException {
        try (NDManager sub = manager.newSubManager()) {
            NDArray ids = sub.create(new int[] {1, 4, 4, 9, 0, 33, 2, 7, 7, 7, 12, 49, 5, 6}, new Shape(2, 7));
            NDArray weight = embedding.weight().getArray();
            weight.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = embedding.forward(new ParameterStore(sub, false), new NDList(ids), true)
                        .singletonOrThrow();
                NDArray loss = out.mul(sub.arange(2f * 7 * 16).reshape(out.getShape())).sum();
                if (collectGarbage) {
                    for (int round = 0; round < 3; round++) {
                        System.gc();
                        Thread.sleep(20);
                        for (int i = 0; i < 50; i++) {
                            java.nio.ByteBuffer.allocateDirect(1 << 16).putFloat(0, 12345f);
                        }
                    }
                }
                gc.backward(loss);
            }
            // Gradients accumulate across backward calls: read this call's, then zero it in place.
            try (NDArray gradient = weight.getGradient()) {
                float[] values = gradient.toFloatArray();
                gradient.muli(0);
                return values;
            }
        }
    }
}
