package org.fmmbench.harness.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The harness's CSV files as Commons CSV reads and writes them: a header line naming the columns, one record per
 * row, written crash-safely through {@link AtomicFiles}. Every codec (results, curves, scaling, model steps,
 * attention maps) maps its records to and from rows through here; only the mapping is its own.
 */
public final class CsvFile {
    /** Line ends of {@code results.csv} and {@code curve.csv} (Commons CSV's default). */
    public static final String CRLF = "\r\n";
    /** Line ends of the benchmark files ({@code scaling.csv}, {@code model-step.csv}). */
    public static final String LF = "\n";

    /**
     * The rows of a file.
     *
     * @param header the column names of the header line, in file order
     */
    public record Table(List<String> header, List<CSVRecord> rows) {
    }

    private CsvFile() {
    }

    /** Writes {@code header} and one row of {@code values} per record, each line ended by {@code lineEnd}. */
    public static <T> void write(Path file, List<String> header, String lineEnd, List<T> records,
            Function<T, List<?>> values) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator(lineEnd).get();
        AtomicFiles.write(file, w -> {
            CSVPrinter out = new CSVPrinter(w, format);
            for (T r : records) {
                out.printRecord(values.apply(r));
            }
            out.flush();
        });
    }

    /** Reads a file whose first line names its columns. */
    public static Table read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return new Table(parser.getHeaderNames(), parser.getRecords());
        }
    }
}
