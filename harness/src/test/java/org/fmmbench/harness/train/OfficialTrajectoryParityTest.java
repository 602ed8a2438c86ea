package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fmmbench trains step for step like the official LRA code: same initial parameters, same batches, and per step
 * the same loss, gradient norm, learning rate and beta1, then the same parameters (tolerances and their reason in
 * {@link OfficialTrajectoryReplay}). Rows: ListOps softmax, linear, band_5, fmm2_band5 (with two micro-batches
 * per step) and the Retrieval dual encoder's fmm2_band5.
 */
class OfficialTrajectoryParityTest {
    static java.util.List<String> rows() {
        return OfficialTrajectory.rows();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void trainingMatchesTheOfficialTrajectoryStepForStep(String row) {
        OfficialTrajectory official = OfficialTrajectory.load(row);
        OfficialTrajectoryReplay.Deviation d = OfficialTrajectoryReplay.compare(official,
                OfficialTrajectoryReplay.replay(official));
        assertTrue(d.within(), row + " departs from the official trajectory: " + d);
    }
}
