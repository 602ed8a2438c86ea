package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.AttentionCost;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;
import org.fmmbench.harness.results.Provenance;

class ScalingTargetsTest {
    private static final RunOrigin P = new RunOrigin("r", "", new Provenance("", null, "", "", "", ""), 0, "");

    private static ScalingRow row(VariantSpec v, int n, boolean causal, double ms, double mib) {
        ScalingCell cell = new ScalingCell(v, n, 1, new HeadLayout(2, 32), causal, BenchMode.FWDBWD);
        return ScalingRow.ok(cell, new CellMeasurement(ms, ms, ms, ms, ms, mib, mib + 300), Double.NaN, 1, P);
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
            rows.add(row(ScalingTargets.LINEAR, n, true, n / 100.0, n / 1000.0));
            rows.add(row(ScalingTargets.BAND, n, false, Math.pow(n, 1.5) / 1e4, n / 1000.0));
        }
        for (int n = 1024; n <= 16384; n *= 2) {
            rows.add(row(ScalingTargets.SOFTMAX, n, false, n * (double) n / 1e4, n * (double) n / 1e5));
        }
        List<ScalingTargets.Target> t = ScalingTargets.evaluate(rows, TimeBasis.WALL);

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
        // band / linear = 200 sqrt(N) / 1e4: 1.28x at N=4096 already
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "band fwdbwd vs linear, time at every N >= 4096"));
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "causal fmm fwdbwd vs causal linear, time at N=16384")); // 2x
        assertEquals(ScalingTargets.Verdict.NOT_MEASURED, verdict(t, "fmm fwdbwd time above its roofline floor, N 8192-65536"));
    }

    @Test
    void theFloorTargetReadsTheWorstCellAboveTheRoofline() {
        // 1 GFLOP at 100 GFLOP/s: a 10 ms floor (the 1 MB at 10 GB/s take 0.1 ms)
        Roofline roofline = new Roofline(new AttentionCost(1e9, 1e6), new MachineCeiling(100, 10, TimeBasis.WALL));
        List<ScalingRow> rows = List.of(row(ScalingTargets.FMM, 8192, false, 20, 1).withRoofline(roofline),
                row(ScalingTargets.FMM, 16384, false, 29, 1).withRoofline(roofline),
                row(ScalingTargets.FMM, 131072, false, 1000, 1).withRoofline(roofline));
        ScalingTargets.Target target = ScalingTargets.evaluate(rows, TimeBasis.WALL).stream()
                .filter(t -> t.name().equals("fmm fwdbwd time above its roofline floor, N 8192-65536")).findFirst()
                .orElseThrow();
        assertEquals(ScalingTargets.Verdict.PASS, target.verdict());
        assertEquals("worst 2.9x (N=16384, 34.5 GFLOP/s = 34% of peak)", target.measured());

        List<ScalingRow> slow = List.of(row(ScalingTargets.FMM, 8192, false, 31, 1).withRoofline(roofline));
        assertEquals(ScalingTargets.Verdict.FAIL, ScalingTargets.evaluate(slow, TimeBasis.WALL).stream()
                .filter(t -> t.name().startsWith("fmm fwdbwd time above")).findFirst().orElseThrow().verdict());
    }

    @Test
    void theTimeTargetsReadTheChosenTimeBasis() {
        ScalingCell fmm = new ScalingCell(ScalingTargets.FMM, 16384, 1, new HeadLayout(2, 32), false, BenchMode.FWDBWD);
        ScalingCell linear = new ScalingCell(ScalingTargets.LINEAR, 16384, 1, new HeadLayout(2, 32), false,
                BenchMode.FWDBWD);
        // wall 4x linear on a loaded machine, CPU time 2x
        List<ScalingRow> rows = List.of(ScalingRow.ok(fmm, new CellMeasurement(400, 400, 400, 90, 60, 1, 1), Double.NaN, 1, P),
                ScalingRow.ok(linear, new CellMeasurement(100, 100, 100, 60, 30, 1, 1), Double.NaN, 1, P));
        assertEquals(ScalingTargets.Verdict.FAIL,
                verdict(ScalingTargets.evaluate(rows, TimeBasis.WALL), "fmm fwdbwd vs linear, time at N=16384"));
        assertEquals(ScalingTargets.Verdict.PASS,
                verdict(ScalingTargets.evaluate(rows, TimeBasis.CPU), "fmm fwdbwd vs linear, time at N=16384"));
    }

    @Test
    void aTooSlowFmmFailsTheRatioTargets() {
        List<ScalingRow> rows = List.of(row(ScalingTargets.SOFTMAX, 8192, false, 1000, 2000),
                row(ScalingTargets.FMM, 8192, false, 100, 10), row(ScalingTargets.FMM, 16384, false, 400, 20),
                row(ScalingTargets.LINEAR, 16384, false, 100, 20));
        List<ScalingTargets.Target> t = ScalingTargets.evaluate(rows, TimeBasis.WALL);
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "fmm fwdbwd vs softmax, time at N=8192")); // 10x
        assertEquals(ScalingTargets.Verdict.PASS, verdict(t, "fmm fwdbwd vs softmax, peak memory at N=8192")); // 200x
        assertEquals(ScalingTargets.Verdict.FAIL, verdict(t, "fmm fwdbwd vs linear, time at N=16384")); // 4x
        assertEquals(ScalingTargets.Verdict.NOT_MEASURED, verdict(t, "causal vs non-causal fmm fwdbwd, time at N=16384"));
    }
}
