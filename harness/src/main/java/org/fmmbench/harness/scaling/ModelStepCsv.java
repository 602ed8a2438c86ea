package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fmmbench.harness.results.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.baselines.attention.VariantSpec;

/** Reads and writes {@code model-step.csv} (temporary file + atomic move, like {@link ScalingCsv}). */
public final class ModelStepCsv {
    public static final String FILE_NAME = "model-step.csv";
    public static final List<String> COLUMNS = List.of("schema_version", "task", "variant", "N", "B", "documents",
            "median_ms", "min_ms", "max_ms", "cpu_ms", "peak_mib", "tokens_per_s", "estimated_mib", "threads",
            "status", "detail", "run_id", "started_at", "git_commit", "git_dirty", "cpu_model", "jvm", "djl_version",
            "pytorch_version", "jmh_settings");

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private ModelStepCsv() {
    }

    public static void write(Path file, List<ModelStepRow> rows) throws IOException {
        AtomicFiles.write(file, w -> {
            CSVPrinter printer = new CSVPrinter(w, WRITE);
            for (ModelStepRow r : rows) {
                CellMeasurement m = r.measurement();
                Provenance p = r.provenance();
                printer.printRecord(ScalingCsv.SCHEMA_VERSION, r.task(), r.variant().toString(), r.n(), r.batch(),
                        r.documents(), num(m.medianMs()), num(m.minMs()), num(m.maxMs()), num(m.cpuMs()),
                        num(m.peakMib()), r.status() == RowStatus.OK ? num(r.tokensPerSecond()) : "",
                        num(r.estimatedMib()), r.threads(), r.status().label(), r.detail(), p.runId(), p.startedAt(),
                        p.gitCommit(), p.gitDirty(), p.cpuModel(), p.jvm(), p.djlVersion(), p.pytorchVersion(),
                        p.jmhSettings());
            }
            printer.flush();
        });
    }

    public static List<ModelStepRow> read(Path file) throws IOException {
        List<ModelStepRow> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : READ.parse(r)) {
                try {
                    CellMeasurement m = new CellMeasurement(dbl(rec, "median_ms"), dbl(rec, "min_ms"),
                            dbl(rec, "max_ms"), dbl(rec, "cpu_ms"), dbl(rec, "peak_mib"), Double.NaN);
                    Provenance p = new Provenance(rec.get("run_id"), rec.get("started_at"), rec.get("git_commit"),
                            rec.get("git_dirty"), rec.get("cpu_model"), rec.get("jvm"), rec.get("djl_version"),
                            rec.get("pytorch_version"), rec.get("jmh_settings"));
                    rows.add(new ModelStepRow(rec.get("task"), VariantSpec.parse(rec.get("variant")),
                            Integer.parseInt(rec.get("N")), Integer.parseInt(rec.get("B")),
                            Integer.parseInt(rec.get("documents")), RowStatus.parse(rec.get("status")), m,
                            dbl(rec, "estimated_mib"), Integer.parseInt(rec.get("threads")), rec.get("detail"), p));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + rec.getRecordNumber()
                            + " is not a model-step row (" + e.getMessage() + "). Use a new --run-id.", e);
                }
            }
        }
        return rows;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static double dbl(CSVRecord rec, String column) {
        String s = rec.get(column);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
