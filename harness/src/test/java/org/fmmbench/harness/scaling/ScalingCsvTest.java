package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.baselines.attention.AttentionCost;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fmmbench.harness.results.OlderCsv;
import org.fmmbench.harness.results.Provenance;

class ScalingCsvTest {
    private static final RunOrigin P = new RunOrigin("run-1", "2026-11-27T19:00:00Z",
            new Provenance("abc", false, "AMD EPYC", "OpenJDK 17", "0.36.0", "2.7.1"), 2,
            "forks=1 warmup=2x1000ms measurement=5x1000ms mode=avgt");

    @TempDir
    Path tmp;

    @Test
    void aCommittedFileReadsAndWritesItsProvenanceColumnsUnchanged() throws IOException {
        Path committed = Path.of("..", "results", "reference", "scaling-quick", "run-1", ScalingCsv.FILE_NAME);
        List<ScalingRow> rows = ScalingCsv.read(committed);
        assertEquals(2, rows.get(0).provenance().cpus(), "the processor count comes from cpu_model's ' x2'");
        Path copy = tmp.resolve(ScalingCsv.FILE_NAME);
        ScalingCsv.write(copy, rows);
        List<CSVRecord> before = records(committed);
        List<CSVRecord> after = records(copy);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            for (String column : RunOrigin.COLUMNS) {
                assertEquals(before.get(i).get(column), after.get(i).get(column), column + " of row " + (i + 1));
            }
        }
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void rowsRoundTripIncludingSpecsWithCommasAndEmptyMeasurements() throws IOException {
        ScalingCell fmm = new ScalingCell(VariantSpec.parse("fmm:k=5,kernels=elu+elu_flip"), 4096, 1,
                new HeadLayout(2, 32), true, BenchMode.FWDBWD);
        ScalingCell softmax = new ScalingCell(VariantSpec.parse("softmax"), 65536, 1, new HeadLayout(8, 64), false,
                BenchMode.FWD);
        List<ScalingRow> rows = List.of(
                ScalingRow.ok(fmm, new CellMeasurement(12.5, 12.0, 14.25, 12.5, 12.0, 40.5, 512.25), Double.NaN, 1, P)
                        .withRoofline(new Roofline(new AttentionCost(2.5e8, 2097152),
                                new MachineCeiling(55.25, 9.5, TimeBasis.CPU))),
                ScalingRow.skipped(softmax, 123456.5, "estimated peak 123457 MiB, over budget", 1, P));
        Path file = tmp.resolve("scaling.csv");
        ScalingCsv.write(file, rows);
        assertEquals(rows, ScalingCsv.read(file));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aFileWrittenBeforeTheRooflineColumnsReadsWithAnUnknownRoofline() throws IOException {
        ScalingCell linear = new ScalingCell(VariantSpec.parse("linear"), 4096, 1, new HeadLayout(2, 32), false,
                BenchMode.FWDBWD);
        ScalingRow row = ScalingRow.ok(linear, new CellMeasurement(3, 3, 3, 3, Double.NaN, 1, 1), Double.NaN, 1, P);
        Path file = tmp.resolve("scaling.csv");
        ScalingCsv.write(file, List.of(row));
        int rooflineColumns = ScalingCsv.COLUMNS.size() - ScalingCsv.COLUMNS.indexOf("flops");
        Files.write(file, OlderCsv.withoutLastColumns(file, rooflineColumns));
        assertEquals(List.of(row), ScalingCsv.read(file));
    }

    @Test
    void theDerivedRooflineColumnsSayHowFarAboveTheFloorACellRan() throws IOException {
        ScalingCell linear = new ScalingCell(VariantSpec.parse("linear"), 4096, 1, new HeadLayout(2, 32), false,
                BenchMode.FWDBWD);
        // 1e9 FLOPs in 40 ms = 25 GFLOP/s, half of the 50 GFLOP/s ceiling; floor max(20 ms, 1e8 B / 10 GB/s = 10 ms)
        ScalingRow row = ScalingRow.ok(linear, new CellMeasurement(40, 40, 40, 90, 80, 1, 1), Double.NaN, 1, P)
                .withRoofline(new Roofline(new AttentionCost(1e9, 1e8), new MachineCeiling(50, 10, TimeBasis.WALL)));
        Path file = tmp.resolve("scaling.csv");
        ScalingCsv.write(file, List.of(row));
        String line = Files.readAllLines(file).get(1);
        assertTrue(line.endsWith(",wall,25.0000,50.0000,20.0000,2.0000,80.0000"), line);
    }

    @Test
    void aFileOfAnotherSchemaIsRejectedWithItsLine() throws IOException {
        Path file = tmp.resolve("scaling.csv");
        ScalingCsv.write(file, List.of());
        Files.writeString(file, Files.readString(file) + "9,softmax\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingCsv.read(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("--run-id"), e.getMessage());
    }
}
