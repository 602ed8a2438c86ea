package org.fmmbench.harness.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code results.csv}: one {@link CellResult} per line, header = the record's components in snake case.
 * The record is mapped to and from columns by Jackson, so the schema is the record and nothing else.
 */
public final class ResultsCsv {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Column names in file order. */
    public static final List<String> HEADER = Arrays.stream(CellResult.class.getRecordComponents())
            .map(RecordComponent::getName)
            .map(n -> ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(n))
            .toList();

    private ResultsCsv() {
    }

    public static void write(Path file, List<CellResult> results) throws IOException {
        CsvFile.write(file, HEADER, CsvFile.CRLF, results, r -> {
            Map<String, Object> values = MAPPER.convertValue(r, MAPPER.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            List<Object> row = new ArrayList<>(HEADER.size());
            for (String column : HEADER) {
                row.add(values.get(column));
            }
            return row;
        });
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

    /** Reads and writes {@code result.json} of a cell with the same column names as the CSV. */
    public static ObjectMapper json() {
        return MAPPER;
    }
}
