package org.fmmbench.harness.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingRow;

/**
 * One side of a comparison: a run directory holding {@code results.csv} and/or {@code scaling.csv}, or one of
 * those files. A side without a file of a kind has {@code null} for that kind.
 *
 * @param role {@code baseline} or {@code candidate}, for messages
 */
record RunInput(String role, Path path, CsvFile results, CsvFile scaling) {

    /** One CSV file and the schema versions of its rows. */
    record CsvFile(Path file, Set<String> schemaVersions) {
    }

    private static final CSVFormat HEADER_FIRST =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    static RunInput locate(String role, Path path) {
        if (!Files.exists(path)) {
            throw new CompareInputException("The " + role + " " + path + " does not exist: pass a run directory "
                    + "(e.g. results/<run-id>) or its " + MatrixRunner.RESULTS_FILE + " or " + ScalingCsv.FILE_NAME + ".");
        }
        if (Files.isDirectory(path)) {
            Path results = path.resolve(MatrixRunner.RESULTS_FILE);
            Path scaling = path.resolve(ScalingCsv.FILE_NAME);
            if (!Files.isRegularFile(results) && !Files.isRegularFile(scaling)) {
                throw new CompareInputException("The " + role + " directory " + path + " holds neither "
                        + MatrixRunner.RESULTS_FILE + " nor " + ScalingCsv.FILE_NAME + ": pass the directory of a "
                        + "reproduce or scaling run, e.g. results/<run-id>.");
            }
            return new RunInput(role, path, Files.isRegularFile(results) ? versions(role, results, "cell_id") : null,
                    Files.isRegularFile(scaling) ? versions(role, scaling, "median_ms") : null);
        }
        List<String> header = header(role, path);
        if (header.contains("cell_id")) {
            return new RunInput(role, path, versions(role, path, "cell_id"), null);
        }
        if (header.contains("median_ms")) {
            return new RunInput(role, path, null, versions(role, path, "median_ms"));
        }
        throw new CompareInputException("The " + role + " file " + path + " is neither an fmmbench "
                + MatrixRunner.RESULTS_FILE + " (no cell_id column) nor a " + ScalingCsv.FILE_NAME
                + " (no median_ms column): pass a file written by reproduce or scaling.");
    }

    List<CellResult> readResults() {
        try {
            return ResultsCsv.read(results.file());
        } catch (IOException | RuntimeException e) {
            throw unreadable(results.file(), e);
        }
    }

    List<ScalingRow> readScaling() {
        try {
            return ScalingCsv.read(scaling.file());
        } catch (IOException | RuntimeException e) {
            throw unreadable(scaling.file(), e);
        }
    }

    private CompareInputException unreadable(Path file, Exception e) {
        return new CompareInputException("Cannot read the " + role + " file " + file + ": " + e.getMessage(), e);
    }

    private static List<String> header(String role, Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(HEADER_FIRST).get()) {
            return parser.getHeaderNames();
        } catch (IOException | RuntimeException e) {
            throw new CompareInputException("Cannot read the " + role + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The schema versions in {@code file}, checking first that it is the kind its {@code marker} column says. */
    private static CsvFile versions(String role, Path file, String marker) {
        Set<String> versions = new TreeSet<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(HEADER_FIRST).get()) {
            if (!parser.getHeaderNames().contains("schema_version") || !parser.getHeaderNames().contains(marker)) {
                throw new CompareInputException("The " + role + " file " + file + " is not an fmmbench results "
                        + "file: its header lacks schema_version or " + marker + ".");
            }
            for (CSVRecord record : parser) {
                versions.add(record.get("schema_version"));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CompareInputException c) {
                throw c;
            }
            throw new CompareInputException("Cannot read the " + role + " file " + file + ": " + e.getMessage(), e);
        }
        return new CsvFile(file, versions);
    }
}
