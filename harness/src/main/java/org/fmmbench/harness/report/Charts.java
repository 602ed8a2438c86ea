package org.fmmbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.GroupedBars;
import org.fmmbench.harness.train.CurvePoint;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;
import org.fmmbench.harness.results.AtomicFiles;

/** The report's charts, drawn headless with XChart and saved as PNG. */
final class Charts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;

    private Charts() {
    }

    /**
     * Grouped bars: test accuracy (%) per task, one bar per row, plus the paper's values when {@code paper} is given
     * (only where the run measures what the paper did: {@link PaperScale}).
     */
    static void accuracy(RunSummary s, List<String> tasks, List<String> rows, PaperResults paper, Path file)
            throws IOException {
        CategoryChart chart = bars("Test accuracy at best validation step", "accuracy (%)");
        for (String row : rows) {
            addBars(chart, row, tasks, t -> scale(s.mean(t, row, cell -> cell.metrics().testAccBest()), 100));
        }
        if (paper != null) {
            for (String row : rows) {
                if (tasks.stream().anyMatch(t -> paper.accuracy(row, t) != null)) {
                    addBars(chart, row + " - " + paper.label(), tasks, t -> paper.accuracy(row, t));
                }
            }
        }
        save(chart, file);
    }

    /**
     * Bars: test perplexity of each language-modelling row, beside the paper's WikiText-103 values when
     * {@code paper} is given (only when the run measures what the paper did).
     */
    static void perplexity(RunSummary s, String task, List<String> rows, PaperResults paper, Path file)
            throws IOException {
        CategoryChart chart = bars("Language modelling: test perplexity (lower is better)", "perplexity");
        chart.setXAxisTitle("row");
        addBars(chart, "this run", rows, r -> s.mean(task, r, cell -> cell.metrics().testPpl()));
        if (paper != null && rows.stream().anyMatch(r -> paper.perplexity(r) != null)) {
            addBars(chart, paper.perplexityLabel(), rows, paper::perplexity);
        }
        save(chart, file);
    }

    /** Grouped bars of one per-cell metric by task and row, e.g. median step time. */
    static void metric(RunSummary s, String title, String unit, Function<CellResult, ? extends Number> metric,
            Path file) throws IOException {
        CategoryChart chart = bars(title, unit);
        for (String row : s.rows()) {
            addBars(chart, row, s.tasks(), t -> s.mean(t, row, metric));
        }
        save(chart, file);
    }

    /** Lines per cell of one task: a curve's metric against the step. */
    static void curves(String task, String title, String unit, List<CellCurve> curves,
            Function<CurvePoint, Double> metric, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(task + ": " + title)
                .xAxisTitle("step").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (CellCurve c : curves) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (CurvePoint p : c.points()) {
                Double v = metric.apply(p);
                if (v != null && Double.isFinite(v)) {
                    x.add((double) p.step());
                    y.add(v);
                }
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(c.label(), x, y);
                series.setMarker(x.size() < 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
        save(chart, file);
    }

    /** One cell's curve and its legend label. */
    record CellCurve(String label, List<CurvePoint> points) {
    }

    private static CategoryChart bars(String title, String unit) {
        return GroupedBars.chart(WIDTH, HEIGHT, title, "task", unit);
    }

    private static void addBars(CategoryChart chart, String name, List<String> tasks, Function<String, Double> value) {
        List<Double> y = new ArrayList<>();
        for (String t : tasks) {
            Double v = value.apply(t);
            y.add(v == null ? 0.0 : v);
        }
        chart.addSeries(name, tasks, y);
    }

    private static Double scale(Double v, double factor) {
        return v == null ? null : v * factor;
    }

    static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        AtomicFiles.writeBinary(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
