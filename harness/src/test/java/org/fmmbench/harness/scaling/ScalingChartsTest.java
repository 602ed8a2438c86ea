package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;
import org.fmmbench.harness.results.Provenance;

class ScalingChartsTest {
    private static final RunOrigin P = new RunOrigin("r", "", new Provenance("", null, "", "", "", ""), 0, "");

    @Test
    void legendCarriesTheFittedSlopeAndTheCellsSkippedForMemory() {
        VariantSpec softmax = VariantSpec.parse("softmax");
        SortedMap<Integer, Double> points = new TreeMap<>();
        List<ScalingRow> rows = new ArrayList<>();
        for (int n = 1024; n <= 16384; n *= 2) {
            double ms = n * (double) n / 1e5;
            points.put(n, ms);
            ScalingCell cell = new ScalingCell(softmax, n, 1, new HeadLayout(2, 32), false, BenchMode.FWDBWD);
            rows.add(ScalingRow.ok(cell, new CellMeasurement(ms, ms, ms, ms, ms, 1, 1), 1, 1, P));
        }
        for (int n : List.of(32768, 65536)) {
            ScalingCell cell = new ScalingCell(softmax, n, 1, new HeadLayout(2, 32), false, BenchMode.FWDBWD);
            rows.add(ScalingRow.skipped(cell, 1e5, "over budget", 1, P));
        }
        assertEquals("softmax fwdbwd  slope 2.00 (N 4096-16384), N>=32768 skipped (memory)",
                ScalingCharts.legend(new ScalingCharts.Line("softmax", BenchMode.FWDBWD), points, rows));
    }
}
