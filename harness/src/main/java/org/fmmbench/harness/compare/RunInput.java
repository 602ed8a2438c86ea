package org.fmmbench.harness.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.results.Calibration;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CsvFile;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingRow;

/**
 * One run of a side of a comparison: a run directory holding {@code results.csv} and/or {@code scaling.csv}, or
 * one of those files. A run without a file of a kind has {@code null} for that kind. A side is one run, or several
 * repeats: a directory whose sub-directories are runs.
 *
 * @param role {@code baseline} or {@code candidate}, for messages
 * @param calibration the run directory's calibration, {@code null} when it has none
 */
record RunInput(String role, Path path, VersionedCsv results, VersionedCsv scaling, Calibration calibration) {

    /** One CSV file and the schema versions of its rows. */
    record VersionedCsv(Path file, Set<String> schemaVersions) {
    }

    /**
     * The runs of one side: {@code path} itself when it is a run (directory or file), else the runs directly
     * inside it (repeats, e.g. {@code results/reference/smoke/run-1..3}).
     */
    static List<RunInput> locateRuns(String role, Path path) {
        if (Files.isDirectory(path) && !Files.isRegularFile(path.resolve(MatrixRunner.RESULTS_FILE))
                && !Files.isRegularFile(path.resolve(ScalingCsv.FILE_NAME))) {
            List<RunInput> repeats = new ArrayList<>();
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                    if (Files.isRegularFile(child.resolve(MatrixRunner.RESULTS_FILE))
                            || Files.isRegularFile(child.resolve(ScalingCsv.FILE_NAME))) {
                        repeats.add(locate(role, child));
                    }
                }
            } catch (IOException e) {
                throw new CompareInputException("Cannot list the " + role + " directory " + path + ": " + e, e);
            }
            if (!repeats.isEmpty()) {
                return repeats;
            }
        }
        return List.of(locate(role, path));
    }

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
                    Files.isRegularFile(scaling) ? versions(role, scaling, "median_ms") : null,
                    calibration(role, path));
        }
        List<String> header = table(role, path).header();
        Path dir = path.toAbsolutePath().getParent();
        if (header.contains("cell_id")) {
            return new RunInput(role, path, versions(role, path, "cell_id"), null, calibration(role, dir));
        }
        if (header.contains("median_ms")) {
            return new RunInput(role, path, null, versions(role, path, "median_ms"), calibration(role, dir));
        }
        throw new CompareInputException("The " + role + " file " + path + " is neither an fmmbench "
                + MatrixRunner.RESULTS_FILE + " (no cell_id column) nor a " + ScalingCsv.FILE_NAME
                + " (no median_ms column): pass a file written by reproduce or scaling.");
    }

    /** Names this run in notes and tells repeats apart. */
    String label() {
        return role + " " + path;
    }

    /**
     * The calibration's time in the clock compared, or {@code null} without a calibration. CPU time is its matrix
     * products alone: the elementwise pass streams 16 MiB arrays, so it measures the memory bandwidth other jobs
     * leave, and read 190 ms in the smoke reference against 90-100 ms in two fresh-clone CI runs of the same code
     * whose cells' CPU times had not moved (geometric mean x1.08-x1.16 raw); the products read 90 against 100.
     */
    Double calibrationMs(TimeMeasure time) {
        if (calibration == null) {
            return null;
        }
        if (time == TimeMeasure.WALL) {
            return calibration.wallMs();
        }
        return calibration.matmulCpuMs() > 0 ? calibration.matmulCpuMs() : calibration.cpuMs();
    }

    /** One column of {@code results.csv} by cell id; empty when the file has no such column (an older run). */
    Map<String, String> resultsColumn(String column) {
        CsvFile.Table table = table(role, results.file());
        Map<String, String> values = new HashMap<>();
        if (table.header().contains(column)) {
            for (CSVRecord record : table.rows()) {
                String v = record.get(column);
                if (!v.isEmpty()) {
                    values.put(record.get("cell_id"), v);
                }
            }
        }
        return values;
    }

    List<CellResult> readResults() {
        try {
            return ResultsCsv.read(results.file());
        } catch (IOException | RuntimeException e) {
            throw unreadable(role, results.file(), e);
        }
    }

    List<ScalingRow> readScaling() {
        try {
            return ScalingCsv.read(scaling.file());
        } catch (IOException | RuntimeException e) {
            throw unreadable(role, scaling.file(), e);
        }
    }

    private static CompareInputException unreadable(String role, Path file, Exception e) {
        return new CompareInputException("Cannot read the " + role + " file " + file + ": " + e.getMessage(), e);
    }

    private static Calibration calibration(String role, Path dir) {
        try {
            return dir == null ? null : Calibration.read(dir);
        } catch (IOException | RuntimeException e) {
            throw new CompareInputException("Cannot read the " + role + "'s " + Calibration.FILE_NAME + " in " + dir
                    + ": " + e.getMessage() + " Re-run the calibration (reproduce --force) or delete the file.", e);
        }
    }

    /** {@code file} through the harness's CSV codec; unreadable is bad input naming the side. */
    private static CsvFile.Table table(String role, Path file) {
        try {
            return CsvFile.read(file);
        } catch (IOException | RuntimeException e) {
            throw unreadable(role, file, e);
        }
    }

    /** The schema versions in {@code file}, checking first that it is the kind its {@code marker} column says. */
    private static VersionedCsv versions(String role, Path file, String marker) {
        CsvFile.Table table = table(role, file);
        if (!table.header().contains("schema_version") || !table.header().contains(marker)) {
            throw new CompareInputException("The " + role + " file " + file + " is not an fmmbench results "
                    + "file: its header lacks schema_version or " + marker + ".");
        }
        Set<String> versions = new TreeSet<>();
        table.rows().forEach(record -> versions.add(record.get("schema_version")));
        return new VersionedCsv(file, versions);
    }
}
