package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    private static final Path REFERENCE = Path.of("..", "results", "reference");

    @TempDir
    Path dir;

    static CellResult sample(String cellId, CellStatus status, Double testAcc) {
        return new CellResult(new CellResult.Identity("run-1", CellResult.SCHEMA_VERSION, cellId, "listops",
                "fmm2_band5", "fmm:k=5,kernels=elu+elu_flip,blend=per_head", "smoke", 3), status, status ==
                CellStatus.OK ? "" : "boom, with \"quotes\"\nand a second line", new CellResult.Config("abc123",
                "listops-generated", "cpu", 2, "0123456789ab"), new CellResult.Metrics(0.25, 20, testAcc, 0.2, 2.1, 30,
                12.5, 40.0, 55.5, 1234.0, 1.5, 512.0, 12345L, null, null, null, 14.2, 11.5, 0.0, 0.0, 0.25, null, null,
                "", null, null), new Provenance("deadbeef", true, "AMD EPYC", "OpenJDK 17", "0.36.0", "PyTorch 2.7.1"),
                "2026-11-27T19:00:00Z");
    }

    @Test
    void headerStartsWithRunIdAndSchemaVersionAndNamesEveryColumnInSnakeCase() throws IOException {
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(csv, List.of(sample("000-a", CellStatus.OK, 0.3)));
        String header = Files.readAllLines(csv).get(0);
        assertTrue(header.startsWith("run_id,schema_version,cell_id,status,status_detail,task,row,variant,profile,seed,"
                + "config_hash,data_source,best_val_acc"), header);
        for (String column : List.of("test_acc_best", "test_acc_last", "final_train_loss", "train_wall_s",
                "step_ms_median", "step_ms_p90", "tokens_per_s", "eval_wall_s", "peak_rss_mib", "params", "val_ppl",
                "test_ppl", "bits_per_token", "started_at", "git_commit", "git_dirty", "device", "cpu_model",
                "threads", "jvm_version", "djl_version", "pytorch_version", "data_fingerprint", "truncated_frac_train",
                "truncated_frac_val", "truncated_frac_test")) {
            assertTrue(header.contains(column), column + " missing from " + header);
        }
    }

    @Test
    void roundTripKeepsEveryValueIncludingEmptyMetricsAndMultiLineDetails() throws IOException {
        Path csv = dir.resolve("results.csv");
        List<CellResult> written = List.of(sample("000-a", CellStatus.OK, 0.3),
                sample("001-b", CellStatus.FAILED, null));
        ResultsCsv.write(csv, written);
        List<CellResult> read = ResultsCsv.read(csv);
        assertEquals(written, read);
        assertNull(read.get(1).metrics().testAccBest());
        assertNull(read.get(0).metrics().valPpl());
    }

    @Test
    void readsASchemaOneFileWithoutTheDataColumns() throws IOException {
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(csv, List.of(sample("000-a", CellStatus.OK, 0.3)));
        int columns = ResultsCsv.HEADER.size();
        assertEquals(List.of("data_fingerprint", "truncated_frac_train", "truncated_frac_val", "truncated_frac_test",
                "test_examples", "majority_rate", "flags", "memory_measure", "oom_retry_micro_batch"),
                ResultsCsv.HEADER.subList(columns - 9, columns),
                "new columns are appended");
        List<String> old = new java.util.ArrayList<>(OlderCsv.withoutLastColumns(csv, 9));
        old.set(1, old.get(1).replaceFirst("run-1," + CellResult.SCHEMA_VERSION + ",", "run-1,1,"));
        Files.write(csv, old);
        CellResult read = ResultsCsv.read(csv).get(0);
        assertEquals(1, read.identity().schemaVersion());
        assertEquals(0.3, read.metrics().testAccBest());
        assertNull(read.config().dataFingerprint());
        assertNull(read.metrics().truncatedFracTest());
        assertEquals("", read.metrics().flags());
        assertNull(read.metrics().oomRetryMicroBatch());
    }

    /**
     * The record is split into parts, but the files keep their bytes: every committed results.csv and result.json with
     * this version's columns reads and writes back identically.
     */
    @Test
    void committedResultsFilesOfThisSchemaWriteBackByteForByte() throws IOException {
        int csvFiles = 0;
        int jsonFiles = 0;
        try (Stream<Path> files = Files.walk(REFERENCE)) {
            for (Path file : files.filter(f -> f.endsWith("results.csv") || f.endsWith("result.json")).toList()) {
                String text = Files.readString(file);
                if (file.endsWith("results.csv") && text.startsWith(String.join(",", ResultsCsv.HEADER) + "\r\n")) {
                    Path copy = dir.resolve("results-" + csvFiles++ + ".csv");
                    ResultsCsv.write(copy, ResultsCsv.read(file));
                    assertEquals(text, Files.readString(copy), file.toString());
                } else if (file.endsWith("result.json") && columns(file).equals(ResultsCsv.HEADER)) {
                    StringWriter copy = new StringWriter();
                    ResultsCsv.writeJson(copy, ResultsCsv.readJson(file));
                    assertEquals(text, copy.toString(), file.toString());
                    jsonFiles++;
                }
            }
        }
        assertTrue(csvFiles >= 10 && jsonFiles >= 50, csvFiles + " results.csv and " + jsonFiles + " result.json");
    }

    private static List<String> columns(Path json) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        ResultsCsv.json().readTree(json.toFile()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void refusesAFileOfANewerSchema() throws IOException {
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(csv, List.of(sample("000-a", CellStatus.OK, 0.3)));
        List<String> lines = Files.readAllLines(csv);
        lines.set(1, lines.get(1).replaceFirst("run-1," + CellResult.SCHEMA_VERSION + ",",
                "run-1," + (CellResult.SCHEMA_VERSION + 1) + ","));
        Files.write(csv, lines);
        IOException e = assertThrows(IOException.class, () -> ResultsCsv.read(csv));
        assertTrue(e.getMessage().contains("schema version"), e.getMessage());
    }

    @Test
    void refusesACsvThatIsNotAResultsFile() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> ResultsCsv.read(csv));
        assertTrue(e.getMessage().contains("schema_version"), e.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFileAndLeftoversAreCleanedUp() throws IOException {
        Path csv = dir.resolve("results.csv");
        Files.writeString(dir.resolve(".results.csv" + AtomicFiles.TEMP_MARKER + "123"), "half a line");
        ResultsCsv.write(csv, List.of(sample("000-a", CellStatus.OK, 0.3)));
        assertEquals(1, AtomicFiles.deleteLeftovers(dir));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(csv), files.toList());
        }
    }
}
