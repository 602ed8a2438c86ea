package org.fmmbench.harness.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.CsvFile;
import org.fmmbench.harness.results.ReportDocument;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes an attention-map analysis into its run directory, each file atomically: {@code attention-ranks.csv} (one
 * row per input, layer and head), {@code singular-values.csv} (every spectrum), {@code rank-chart.png} (mean
 * numerical rank of A and of its remainder per layer and head) and {@code summary.md}.
 */
public final class AttentionMapFiles {
    /** Energies at which ranks are reported. */
    public static final double[] ENERGIES = {0.9, 0.99};
    static final String RANKS = "attention-ranks.csv";
    static final String SPECTRA = "singular-values.csv";
    static final String CHART = "rank-chart.png";
    static final String SUMMARY = "summary.md";

    private AttentionMapFiles() {
    }

    /**
     * @param title the summary's title (what was analysed)
     * @param intro the summary's first paragraph (what was trained, how, and how well), Markdown
     */
    public static void write(Path dir, List<HeadSpectrum> heads, String title, String intro) throws IOException {
        writeRanks(dir.resolve(RANKS), heads);
        writeSpectra(dir.resolve(SPECTRA), heads);
        Map<String, double[]> means = meansPerHead(heads);
        writeChart(dir.resolve(CHART), means, heads.get(0));
        AtomicFiles.writeString(dir.resolve(SUMMARY), summary(title, intro, means, heads.get(0)).toMarkdown());
    }

    private static void writeRanks(Path file, List<HeadSpectrum> heads) throws IOException {
        CsvFile.write(file, List.of("sample", "layer", "head", "n", "band_k", "band_share", "rank90_full",
                "rank99_full", "rank90_remainder", "rank99_remainder"), CsvFile.CRLF, heads,
                h -> List.of(h.sample(), h.layer(), h.head(), h.size(), h.band(),
                        String.format(Locale.ROOT, "%.4f", h.bandShare()), h.fullRank(ENERGIES[0]),
                        h.fullRank(ENERGIES[1]), h.remainderRank(ENERGIES[0]), h.remainderRank(ENERGIES[1])));
    }

    /** One row per singular value: those of A, then those of its remainder, per head. */
    private record SingularValue(HeadSpectrum head, String matrix, int index, double value) {
    }

    private static void writeSpectra(Path file, List<HeadSpectrum> heads) throws IOException {
        List<SingularValue> values = new ArrayList<>();
        for (HeadSpectrum h : heads) {
            for (int i = 0; i < h.size(); i++) {
                values.add(new SingularValue(h, "full", i + 1, h.full()[i]));
            }
            for (int i = 0; i < h.size(); i++) {
                values.add(new SingularValue(h, "remainder", i + 1, h.remainder()[i]));
            }
        }
        CsvFile.write(file, List.of("sample", "layer", "head", "matrix", "index", "singular_value"), CsvFile.CRLF,
                values, v -> List.of(v.head().sample(), v.head().layer(), v.head().head(), v.matrix(), v.index(),
                        v.value()));
    }

    /** Per "layer L head H": mean band share, rank99 of A, rank99 of the remainder, rank90 of the remainder. */
    private static Map<String, double[]> meansPerHead(List<HeadSpectrum> heads) {
        Map<String, double[]> sums = new TreeMap<>();
        for (HeadSpectrum h : heads) {
            double[] s = sums.computeIfAbsent("layer " + h.layer() + " head " + h.head(), key -> new double[5]);
            s[0] += h.bandShare();
            s[1] += h.fullRank(ENERGIES[1]);
            s[2] += h.remainderRank(ENERGIES[1]);
            s[3] += h.remainderRank(ENERGIES[0]);
            s[4]++;
        }
        for (double[] s : sums.values()) {
            for (int i = 0; i < 4; i++) {
                s[i] /= s[4];
            }
        }
        return sums;
    }

    private static void writeChart(Path file, Map<String, double[]> means, HeadSpectrum any) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Numerical rank (99% energy) of softmax attention, N = " + any.size() + ", band k = "
                        + any.band())
                .xAxisTitle("layer, head").yAxisTitle("rank (mean over inputs)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> names = new ArrayList<>(means.keySet());
        chart.addSeries("A", names, names.stream().map(n -> means.get(n)[1]).toList());
        chart.addSeries("A - band_k(A)", names, names.stream().map(n -> means.get(n)[2]).toList());
        AtomicFiles.writeBinary(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static ReportDocument summary(String title, String intro, Map<String, double[]> means,
            HeadSpectrum any) {
        List<List<String>> rows = new ArrayList<>();
        means.forEach((name, m) -> rows.add(List.of(name, String.format(Locale.ROOT, "%.1f%%", 100 * m[0]),
                String.format(Locale.ROOT, "%.1f", m[1]), String.format(Locale.ROOT, "%.1f", m[2]),
                String.format(Locale.ROOT, "%.1f", m[3]))));
        return new ReportDocument(title).paragraph(intro)
                .paragraph(String.format(Locale.ROOT, "Attention matrices are %d × %d; band k = %d (|i − j| < k). "
                        + "Ranks are the fewest singular values holding 90%% / 99%% of the squared Frobenius norm, "
                        + "averaged over the inputs (per input: `%s`; spectra: `%s`; chart: `%s`).", any.size(),
                        any.size(), any.band(), RANKS, SPECTRA, CHART))
                .table(List.of("layer, head", "weight in band", "rank99 of A", "rank99 of A − band_k(A)",
                        "rank90 of A − band_k(A)"), rows);
    }
}
