package org.fmmbench.harness.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code results.csv} and {@code result.json}: one {@link CellResult} per line or file, its nested parts flattened
 * into one column per field (snake case). Jackson maps the record to and from the columns ({@link JsonUnwrapped}
 * parts), so the records are the schema; only the columns' order is written out here.
 */
public final class ResultsCsv {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Column names in file order. The order is the files' (schema 1, then the columns schema 2 appended), which
     * interleaves the record's parts, so it is listed; {@link #columnsOf} checks it names every field once.
     */
    public static final List<String> HEADER = List.of("run_id", "schema_version", "cell_id", "status",
            "status_detail", "task", "row", "variant", "profile", "seed", "config_hash", "data_source", "best_val_acc",
            "best_step", "test_acc_best", "test_acc_last", "final_train_loss", "steps", "train_wall_s",
            "step_ms_median", "step_ms_p90", "tokens_per_s", "eval_wall_s", "peak_rss_mib", "params", "val_ppl",
            "test_ppl", "bits_per_token", "started_at", "cell_wall_s", "git_commit", "git_dirty", "device",
            "cpu_model", "threads", "jvm_version", "djl_version", "pytorch_version", "step_cpu_ms_median",
            "data_fingerprint", "truncated_frac_train", "truncated_frac_val", "truncated_frac_test", "test_examples",
            "majority_rate", "flags", "memory_measure", "oom_retry_micro_batch");

    static {
        Set<String> fields = new TreeSet<>(columnsOf(CellResult.class));
        if (!fields.equals(new TreeSet<>(HEADER)) || HEADER.size() != fields.size()) {
            throw new IllegalStateException("ResultsCsv.HEADER must name each field of CellResult's parts once: "
                    + "fields " + fields + ", header " + HEADER);
        }
    }

    private ResultsCsv() {
    }

    /** The columns a record flattens to: its components in snake case, a {@link JsonUnwrapped} part's in place. */
    static List<String> columnsOf(Class<? extends Record> type) {
        List<String> columns = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                columns.addAll(columnsOf(c.getType().asSubclass(Record.class)));
            } else {
                columns.add(((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE)
                        .translate(c.getName()));
            }
        }
        return columns;
    }

    public static void write(Path file, List<CellResult> results) throws IOException {
        CsvFile.write(file, HEADER, CsvFile.CRLF, results, r -> new ArrayList<>(columns(r).values()));
    }

    /**
     * Reads a file written by {@link #write}. Files of a newer schema version are refused; columns this
     * version does not know are ignored.
     */
    public static List<CellResult> read(Path file) throws IOException {
        CsvFile.Table table = CsvFile.read(file);
        if (!table.header().contains("schema_version")) {
            throw new IOException(file + " is not an fmmbench results file: it has no schema_version column.");
        }
        List<CellResult> results = new ArrayList<>();
        for (CSVRecord record : table.rows()) {
            Map<String, String> values = new LinkedHashMap<>(record.toMap());
            values.replaceAll((k, v) -> v.isEmpty() ? null : v); // an empty field is a missing value
            int version = Integer.parseInt(values.get("schema_version"));
            if (version > CellResult.SCHEMA_VERSION) {
                throw new IOException(file + " has schema version " + version + " but this fmmbench reads up to "
                        + CellResult.SCHEMA_VERSION + ": use a newer fmmbench.");
            }
            try {
                results.add(MAPPER.convertValue(values, CellResult.class));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + record.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    /** Writes a cell's {@code result.json}: one object of the CSV's columns, in the CSV's order. */
    public static void writeJson(Writer out, CellResult result) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, columns(result));
    }

    /** Reads a file written by {@link #writeJson}. */
    public static CellResult readJson(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), CellResult.class);
    }

    /** The mapper of the columns, for other files that hold cell results or provenance with the same names. */
    public static ObjectMapper json() {
        return MAPPER;
    }

    /** The flat columns of {@code result} in {@link #HEADER}'s order. */
    private static Map<String, Object> columns(CellResult result) {
        Map<String, Object> values = MAPPER.convertValue(result, MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        Map<String, Object> ordered = new LinkedHashMap<>();
        HEADER.forEach(column -> ordered.put(column, values.get(column)));
        return ordered;
    }
}
