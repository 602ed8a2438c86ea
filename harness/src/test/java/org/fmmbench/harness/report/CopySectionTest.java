package org.fmmbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CopySectionTest {
    @Test
    void aRowIsPlacedByItsNumberOfFeatureMapsAndItsBandWidth() {
        assertEquals(new CopySection.Placement(3, 32),
                CopySection.Placement.of("fmm:k=32,kernels=elu+elu_flip+tanh,blend=near_channel,kmix=fixed"));
        assertEquals(new CopySection.Placement(1, 8), CopySection.Placement.of("fmm:k=8,kernels=elu"));
        assertEquals(new CopySection.Placement(0, 8), CopySection.Placement.of("band:k=8"));
        assertEquals(new CopySection.Placement(2, 5), CopySection.Placement.of("fmm"), "the spec defaults");
        assertNull(CopySection.Placement.of("softmax"));
        assertNull(CopySection.Placement.of("linear"));
    }
}
