package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalNormClipTest {
    @Test
    void scalesAllGradientsTogetherWhenTheirJointNormExceedsTheLimit() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3f});
            NDArray b = m.create(new float[] {0f, 4f});
            double norm = GlobalNormClip.clip(List.of(a, b), 1.0);
            assertEquals(5.0, norm, 1e-6);
            double c = 1.0 / (5.0 + 1e-6);
            assertArrayEquals(new float[] {(float) (3 * c)}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, (float) (4 * c)}, b.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void leavesGradientsBelowTheLimitUntouched() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0.1f, -0.2f});
            GlobalNormClip.clip(List.of(a), 0.25);
            assertArrayEquals(new float[] {0.1f, -0.2f}, a.toFloatArray());
        }
    }
}
