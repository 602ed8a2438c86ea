package org.fmmbench.harness.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.GroupedBars;

/**
 * PNG of the deltas: bars of step-time and peak-memory ratio per matched cell (1 = unchanged) and, when the
 * runs have accuracy or perplexity, a second chart of their deltas. Cells without a value get no bar.
 */
final class DeltaChart {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;

    private DeltaChart() {
    }

    static void write(ComparisonResult result, boolean raw, Path file) throws IOException {
        List<CellComparison> cells = result.matched();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            // full ids would not fit under the bars; the table lists them in the same order
            labels.add((i + 1) + (cells.get(i).regressed() ? "!" : ""));
        }
        String how = raw ? "raw" : "normalised";
        CategoryChart ratios = chart("Candidate / baseline (" + how + "); cell numbers as in the table, ! = regression",
                "ratio");
        boolean time = addSeries(ratios, "step time", labels, cells.stream().map(CellComparison::timeRatio).toList());
        boolean memory = addSeries(ratios, "peak memory", labels,
                cells.stream().map(CellComparison::memoryRatio).toList());
        List<CategoryChart> charts = new ArrayList<>();
        if (time || memory) {
            charts.add(ratios);
        }
        List<Double> deltas = cells.stream().map(CellComparison::qualityDelta).toList();
        if (deltas.stream().anyMatch(d -> d != null)) {
            CategoryChart quality = chart("Quality delta, candidate - baseline (accuracy points; perplexity)",
                    "delta");
            addSeries(quality, "quality delta", labels, deltas);
            charts.add(quality);
        }
        if (charts.isEmpty()) {
            throw new CompareInputException("Nothing to chart: no matched cell has a time, memory or quality value.");
        }
        AtomicFiles.writeBinary(file, out -> BitmapEncoder.saveBitmap(charts, charts.size(), 1, out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    private static CategoryChart chart(String title, String unit) {
        return GroupedBars.chart(WIDTH, HEIGHT, title, "cell", unit);
    }

    /** Adds the series unless every value is missing; returns whether it did. */
    private static boolean addSeries(CategoryChart chart, String name, List<String> labels, List<Double> values) {
        if (values.stream().allMatch(v -> v == null)) {
            return false;
        }
        chart.addSeries(name, labels, values.stream().map(v -> v == null ? 0.0 : v).toList());
        return true;
    }
}
