package org.fmmbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.results.CellResult;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.fmmbench.harness.results.ReportDocument;

/**
 * The copy task's summary: test copy accuracy per far-field rank (number of feature maps; 0 = band only) and
 * band width k, as the paper's rank x bandwidth sweep is read, beside the rows that are neither (softmax, linear),
 * with a grouped bar chart of the same numbers.
 */
final class CopySection {
    static final String CHART = "copy-rank-band.png";

    private CopySection() {
    }

    /** Rank and band of a row's variant, or null for a row that is not band/fmm. */
    record Placement(int rank, int band) {
        static Placement of(String variant) {
            VariantSpec spec = VariantSpec.parse(variant);
            String k = spec.params().getOrDefault("k", "5");
            return switch (spec.name()) {
                case "band" -> new Placement(0, Integer.parseInt(k));
                case "fmm" -> new Placement(spec.params().getOrDefault("kernels", "elu+elu_flip").split("\\+").length,
                        Integer.parseInt(k));
                default -> null;
            };
        }
    }

    static void write(ReportDocument doc, RunSummary s, String task, Path dir) throws IOException {
        TreeMap<Integer, TreeMap<Integer, Double>> byRank = new TreeMap<>();
        TreeSet<Integer> bands = new TreeSet<>();
        List<List<String>> others = new ArrayList<>();
        for (String row : s.rows()) {
            List<CellResult> cells = s.cells(task, row);
            if (cells.isEmpty()) {
                continue;
            }
            Double acc = s.mean(task, row, cell -> cell.metrics().testAccBest());
            Placement p = Placement.of(cells.get(0).identity().variant());
            if (p == null) {
                others.add(List.of(row, cells.get(0).identity().variant(), pct(acc),
                        pct(s.mean(task, row, cell -> cell.metrics().bestValAcc())), loss(s.mean(task, row,
                        cell -> cell.metrics().finalTrainLoss()))));
            } else {
                bands.add(p.band());
                byRank.computeIfAbsent(p.rank(), r -> new TreeMap<>()).put(p.band(), acc);
            }
        }
        doc.heading(2, "Copy task: rank x band width");
        doc.paragraph("Test copy accuracy (%) of the best-validation parameters over the separator and the copied "
                + "symbols; rank = number of far-field feature maps (0 = band only, no far field). A blank cell did "
                + "not run or did not finish ok.");
        List<String> header = new ArrayList<>(List.of("rank \\ band k"));
        bands.forEach(k -> header.add("k=" + k));
        List<List<String>> grid = new ArrayList<>();
        byRank.forEach((rank, row) -> {
            List<String> cells = new ArrayList<>(List.of(rank == 0 ? "0 (band only)" : String.valueOf(rank)));
            bands.forEach(k -> cells.add(pct(row.get(k))));
            grid.add(cells);
        });
        doc.table(header, grid);
        if (!others.isEmpty()) {
            doc.table(List.of("row", "variant", "test copy acc", "best val copy acc", "final train loss"), others);
        }
        if (bands.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("copy: test accuracy by far-field rank and band width").xAxisTitle("band width k")
                .yAxisTitle("copy accuracy (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        List<String> categories = bands.stream().map(k -> "k=" + k).toList();
        byRank.forEach((rank, row) -> chart.addSeries(rank == 0 ? "band only" : "rank " + rank, categories,
                bands.stream().map(k -> row.get(k) == null ? 0.0 : 100 * row.get(k)).toList()));
        for (List<String> o : others) {
            Double acc = s.mean(task, o.get(0), cell -> cell.metrics().testAccBest());
            // Rows without a band are drawn as equal bars in every group, a reference level to compare against.
            chart.addSeries(o.get(0), categories, bands.stream().map(k -> acc == null ? 0.0 : 100 * acc).toList());
        }
        Charts.save(chart, dir.resolve(CHART));
        doc.image(CHART, "copy test accuracy by far-field rank and band width");
    }

    private static String pct(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String loss(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
