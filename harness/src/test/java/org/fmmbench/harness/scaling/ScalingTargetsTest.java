package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;

class ScalingTargetsTest {
    private static final Provenance P = new Provenance("r", "", "", "", "", "", "", "", "");

    private static ScalingRow row(VariantSpec v, int n, boolean causal, double ms, double mib) {
        ScalingCell cell = new ScalingCell(v, n, 1, new HeadLayout(2, 32), causal, BenchMode.FWDBWD);
        return ScalingRow.ok(cell, new CellMeasurement(ms, ms, ms, ms, mib, mib + 300), Double.NaN, 1, P);
    }

    private static ScalingTargets.Verdict verdict(List<ScalingTargets.Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().verdict();
    }

    @Test
    void linearAndQuadraticSeriesPassAndASuperlinearOneFails() {
        List<ScalingRow> rows = new ArrayList<>();
        for (int n = 4096; n <= 65536; n *= 2) {
            rows.add(row(ScalingTargets.FMM, n, false, n / 100.0, n / 1000.0));
            rows.add(row(ScalingTargets.FMM, n, true, n / 50.0, n / 500.0));
            rows.add(row(ScalingTargets.LINEAR, n, false, n / 200.0, n / 2000.0));
            rows.add(row(ScalingTargets.BAND, n, false, Math.pow(n, 1.5) / 1e4, n / 1000.0));
        }
        for (int n = 1024; n <= 16384; n *= 2) {
            rows.add(row(ScalingTargets.SOFTMAX, n, false, n * (double) n / 1e4, n * (double) n / 1e5));
        }
        List<ScalingTargets.Target> t = ScalingTargets.evaluate(rows);

        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd time slope, N 4096-65536"));
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd peak memory slope, N 4096-65536"));
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "band fwdbwd time slope, N 4096-65536"));
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "softmax fwdbwd time slope, upper half of measured N"));
        // softmax / fmm at 8192: time 6710.9 / 81.92 = 81.9x, memory 671.1 / 8.192 = 81.9x
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd vs softmax, time at N=8192"));
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd vs softmax, peak memory at N=8192"));
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd vs linear, time at N=16384")); // 2x
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "causal vs non-causal fmm fwdbwd, time at N=16384")); // 2x
        assertEquals(ScalingTargets.Verdict.NOT_MEASURED, verdict(t, "fmm fwd time slope, N 4096-65536"));
    }

    @Test
    void aTooSlowFmmFailsTheRatioTargets() {
        List<ScalingRow> rows = List.of(row(ScalingTargets.SOFTMAX, 8192, false, 1000, 2000),
                row(ScalingTargets.FMM, 8192, false, 100, 10), row(ScalingTargets.FMM, 16384, false, 400, 20),
                row(ScalingTargets.LINEAR, 16384, false, 100, 20));
        List<ScalingTargets.Target> t = ScalingTargets.evaluate(rows);
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "fmm fwdbwd vs softmax, time at N=8192")); // 10x
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd vs softmax, peak memory at N=8192")); // 200x
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "fmm fwdbwd vs linear, time at N=16384")); // 4x
        assertEquals(ScalingTargets.Verdict.NOT_MEASURED, verdict(t, "causal vs non-causal fmm fwdbwd, time at N=16384"));
    }
}
