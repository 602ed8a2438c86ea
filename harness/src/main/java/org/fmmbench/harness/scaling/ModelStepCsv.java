package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.results.CsvFile;
import org.fmmbench.baselines.attention.VariantSpec;

/** Reads and writes {@code model-step.csv} through {@link CsvFile}, like {@link ScalingCsv}. */
public final class ModelStepCsv {
    public static final String FILE_NAME = "model-step.csv";
    public static final List<String> COLUMNS = ScalingCsv.columns(List.of("schema_version", "task", "variant", "N",
            "B", "documents", "median_ms", "min_ms", "max_ms", "cpu_ms", "peak_mib", "tokens_per_s", "estimated_mib",
            "threads", "status", "detail"), List.of("thread_cpu_ms"));

    private ModelStepCsv() {
    }

    public static void write(Path file, List<ModelStepRow> rows) throws IOException {
        CsvFile.write(file, COLUMNS, CsvFile.LF, rows, r -> {
            CellMeasurement m = r.measurement();
            List<Object> values = new ArrayList<>(List.of(ScalingCsv.SCHEMA_VERSION, r.task(), r.variant().toString(),
                    r.n(), r.batch(), r.documents(), ScalingCsv.num(m.medianMs()), ScalingCsv.num(m.minMs()),
                    ScalingCsv.num(m.maxMs()), ScalingCsv.num(m.cpuMs()), ScalingCsv.num(m.peakMib()),
                    r.status() == RowStatus.OK ? ScalingCsv.num(r.tokensPerSecond()) : "",
                    ScalingCsv.num(r.estimatedMib()), r.threads(), r.status().label(), r.detail()));
            values.addAll(r.provenance().csvValues());
            values.add(ScalingCsv.num(m.threadCpuMs()));
            return values;
        });
    }

    public static List<ModelStepRow> read(Path file) throws IOException {
        List<ModelStepRow> rows = new ArrayList<>();
        for (CSVRecord rec : CsvFile.read(file).rows()) {
            try {
                CellMeasurement m = new CellMeasurement(ScalingCsv.dbl(rec, "median_ms"), ScalingCsv.dbl(rec, "min_ms"),
                        ScalingCsv.dbl(rec, "max_ms"), ScalingCsv.dbl(rec, "cpu_ms"),
                        rec.isMapped("thread_cpu_ms") ? ScalingCsv.dbl(rec, "thread_cpu_ms") : Double.NaN,
                        ScalingCsv.dbl(rec, "peak_mib"), Double.NaN);
                rows.add(new ModelStepRow(rec.get("task"), VariantSpec.parse(rec.get("variant")),
                        Integer.parseInt(rec.get("N")), Integer.parseInt(rec.get("B")),
                        Integer.parseInt(rec.get("documents")), RowStatus.parse(rec.get("status")), m,
                        ScalingCsv.dbl(rec, "estimated_mib"), Integer.parseInt(rec.get("threads")), rec.get("detail"),
                        RunOrigin.fromCsv(rec)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + rec.getRecordNumber()
                        + " is not a model-step row (" + e.getMessage() + "). Use a new --run-id.", e);
            }
        }
        return rows;
    }
}
