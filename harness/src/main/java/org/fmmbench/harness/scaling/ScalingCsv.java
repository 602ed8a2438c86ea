package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.results.CsvFile;
import org.fmmbench.baselines.attention.AttentionCost;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Reads and writes {@code scaling.csv}. The roofline columns (from {@code flops} on) were added at the end without
 * a schema bump: files written before them read with an unknown roofline; the derived ones
 * ({@code achieved_gflops} .. {@code x_above_floor}) are written for readers and recomputed on reading. Written
 * crash-safely through {@link CsvFile}.
 */
public final class ScalingCsv {
    public static final String SCHEMA_VERSION = "1";
    public static final String FILE_NAME = "scaling.csv";

    /** Column order of the file. */
    public static final List<String> COLUMNS = columns(List.of("schema_version", "variant", "N", "B", "H", "d",
            "causal", "mode", "median_ms", "min_ms", "max_ms", "cpu_ms", "peak_mib", "rss_hwm_mib", "estimated_mib",
            "threads", "status", "detail"), List.of("flops", "min_bytes", "peak_gflops", "peak_gbps", "time_basis",
            "achieved_gflops", "pct_of_peak", "floor_ms", "x_above_floor", "thread_cpu_ms"));

    private ScalingCsv() {
    }

    /** A row's columns: {@code measured}, the {@link RunOrigin}'s, then {@code after}. */
    static List<String> columns(List<String> measured, List<String> after) {
        List<String> all = new ArrayList<>(measured);
        all.addAll(RunOrigin.COLUMNS);
        all.addAll(after);
        return List.copyOf(all);
    }

    public static void write(Path file, List<ScalingRow> rows) throws IOException {
        CsvFile.write(file, COLUMNS, CsvFile.LF, rows, ScalingCsv::values);
    }

    public static List<ScalingRow> read(Path file) throws IOException {
        List<ScalingRow> rows = new ArrayList<>();
        for (CSVRecord rec : CsvFile.read(file).rows()) {
            rows.add(row(rec, file));
        }
        return rows;
    }

    private static List<Object> values(ScalingRow row) {
        ScalingCell c = row.cell();
        CellMeasurement m = row.measurement();
        Roofline r = row.roofline();
        List<Object> values = new ArrayList<>(List.of(SCHEMA_VERSION, c.variant().toString(), c.n(), c.batch(),
                c.layout().heads(), c.layout().headDim(), c.causal(), c.mode().label(), num(m.medianMs()),
                num(m.minMs()), num(m.maxMs()), num(m.cpuMs()), num(m.peakMib()), num(m.rssHighWaterMib()),
                num(row.estimatedMib()), row.threads(), row.status().label(), row.detail()));
        values.addAll(row.provenance().csvValues());
        values.addAll(List.of(num(r.cost().flops()), num(r.cost().bytes()), num(r.ceiling().gflops()),
                num(r.ceiling().gbps()), r.ceiling().basis().label(), num(r.achievedGflops(m)),
                num(r.percentOfPeak(m)), num(r.floorMs()), num(r.timesAboveFloor(m)), num(m.threadCpuMs())));
        return values;
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static ScalingRow row(CSVRecord rec, Path file) {
        try {
            if (!SCHEMA_VERSION.equals(rec.get("schema_version"))) {
                throw new IllegalArgumentException("schema_version " + rec.get("schema_version") + " is not "
                        + SCHEMA_VERSION);
            }
            ScalingCell cell = new ScalingCell(VariantSpec.parse(rec.get("variant")), Integer.parseInt(rec.get("N")),
                    Integer.parseInt(rec.get("B")),
                    new HeadLayout(Integer.parseInt(rec.get("H")), Integer.parseInt(rec.get("d"))),
                    Boolean.parseBoolean(rec.get("causal")), BenchMode.parse(rec.get("mode")));
            CellMeasurement m = new CellMeasurement(dbl(rec, "median_ms"), dbl(rec, "min_ms"), dbl(rec, "max_ms"),
                    dbl(rec, "cpu_ms"), rec.isMapped("thread_cpu_ms") ? dbl(rec, "thread_cpu_ms") : Double.NaN,
                    dbl(rec, "peak_mib"), dbl(rec, "rss_hwm_mib"));
            return new ScalingRow(cell, RowStatus.parse(rec.get("status")), m, dbl(rec, "estimated_mib"),
                    Integer.parseInt(rec.get("threads")), rec.get("detail"), RunOrigin.fromCsv(rec), roofline(rec));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " line " + rec.getRecordNumber() + " is not a scaling row ("
                    + e.getMessage() + "). Use a new --run-id, or move the file away.", e);
        }
    }

    private static Roofline roofline(CSVRecord rec) {
        if (!rec.isMapped("flops")) {
            return Roofline.UNKNOWN;
        }
        return new Roofline(new AttentionCost(dbl(rec, "flops"), dbl(rec, "min_bytes")),
                new MachineCeiling(dbl(rec, "peak_gflops"), dbl(rec, "peak_gbps"), TimeBasis.parse(rec.get("time_basis"))));
    }

    static double dbl(CSVRecord rec, String column) {
        String s = rec.get(column);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
