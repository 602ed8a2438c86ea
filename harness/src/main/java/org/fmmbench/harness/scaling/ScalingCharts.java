package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.fmmbench.harness.results.AtomicFiles;

/**
 * Log-log charts of time and peak memory against N, and (for variants that declare their cost) achieved GFLOP/s
 * and time above the roofline floor, one chart set per head layout, batch and causality,
 * one line per variant and mode, each legend entry carrying the line's fitted slope over the upper half of
 * its N range ({@link LogLogSlope#fitUpperHalf}); cells skipped for memory or failed are named in the legend.
 */
public final class ScalingCharts {
    private ScalingCharts() {
    }

    private record Group(int batch, HeadLayout layout, boolean causal, int threads) {
        String fileSuffix() {
            return "b" + batch + "-h" + layout.heads() + "-d" + layout.headDim() + (causal ? "-causal" : "");
        }

        String title() {
            return "B=" + batch + ", H=" + layout.heads() + ", d=" + layout.headDim()
                    + (causal ? ", causal" : ", non-causal") + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    record Line(String variant, BenchMode mode) {
    }

    /** Writes the PNGs into {@code dir} and returns their paths. */
    public static List<Path> write(List<ScalingRow> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Group, List<ScalingRow>> groups = rows.stream().collect(Collectors.groupingBy(
                r -> new Group(r.cell().batch(), r.cell().layout(), r.cell().causal(), r.threads()),
                LinkedHashMap::new, Collectors.toList()));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Group, List<ScalingRow>> g : groups.entrySet()) {
            if (g.getValue().stream().noneMatch(ScalingRow::ok)) {
                continue;
            }
            Group key = g.getKey();
            written.add(save(chart("Attention time vs N (" + key.title() + ")", "ms per operation (median)",
                    g.getValue(), r -> r.measurement().medianMs()), dir.resolve("time-vs-n-" + key.fileSuffix() + ".png")));
            written.add(save(chart("Attention peak memory vs N (" + key.title() + ")", "peak MiB above baseline",
                    g.getValue(), r -> r.measurement().peakMib()), dir.resolve("memory-vs-n-" + key.fileSuffix() + ".png")));
            if (g.getValue().stream().anyMatch(r -> r.roofline().timesAboveFloor(r.measurement()) > 0)) {
                MachineCeiling ceiling = g.getValue().get(0).roofline().ceiling();
                written.add(save(chart("Achieved GFLOP/s vs N (" + key.title() + "; ceiling "
                        + String.format(Locale.ROOT, "%.1f", ceiling.gflops()) + ")", "declared GFLOP / " + ceiling.basis()
                        + " s", g.getValue(), r -> r.roofline().achievedGflops(r.measurement())),
                        dir.resolve("gflops-vs-n-" + key.fileSuffix() + ".png")));
                written.add(save(chart("Time above the roofline floor vs N (" + key.title() + ")",
                        "time / max(FLOPs / peak, bytes / bandwidth)", g.getValue(),
                        r -> r.roofline().timesAboveFloor(r.measurement())),
                        dir.resolve("floor-multiple-vs-n-" + key.fileSuffix() + ".png")));
            }
        }
        return written;
    }

    private static XYChart chart(String title, String yTitle, List<ScalingRow> rows, ToDoubleFunction<ScalingRow> value) {
        XYChart chart = new XYChartBuilder().width(1000).height(800).title(title)
                .xAxisTitle("N (sequence length)").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(7);
        Map<Line, List<ScalingRow>> lines = rows.stream().collect(Collectors.groupingBy(
                r -> new Line(r.cell().variant().toString(), r.cell().mode()), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Line, List<ScalingRow>> line : lines.entrySet()) {
            SortedMap<Integer, Double> points = new TreeMap<>();
            for (ScalingRow r : line.getValue()) {
                double v = value.applyAsDouble(r);
                if (r.ok() && v > 0) {
                    points.put(r.cell().n(), v);
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] xs = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] ys = points.values().stream().mapToDouble(Double::doubleValue).toArray();
            chart.addSeries(legend(line.getKey(), points, line.getValue()), xs, ys);
        }
        return chart;
    }

    static String legend(Line line, SortedMap<Integer, Double> points, List<ScalingRow> rows) {
        LogLogSlope fit = LogLogSlope.fitUpperHalf(points);
        StringBuilder sb = new StringBuilder(line.variant()).append(' ').append(line.mode().label());
        sb.append(fit.defined()
                ? String.format(Locale.ROOT, "  slope %.2f (N %d-%d)", fit.slope(), fit.from(), fit.to())
                : "  slope n/a");
        rows.stream().filter(r -> r.status() == RowStatus.SKIPPED_OOM).mapToInt(r -> r.cell().n()).min()
                .ifPresent(n -> sb.append(", N>=").append(n).append(" skipped (memory)"));
        List<Integer> failed = rows.stream().filter(r -> r.status() == RowStatus.FAILED).map(r -> r.cell().n()).toList();
        if (!failed.isEmpty()) {
            sb.append(", failed at N=").append(failed);
        }
        return sb.toString();
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        AtomicFiles.writeBinary(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }
}
