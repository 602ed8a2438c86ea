package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingCsvTest {
    private static final Provenance P = new Provenance("run-1", "2026-11-27T19:00:00Z", "abc", "false",
            "AMD EPYC x2", "OpenJDK 17", "0.36.0", "2.7.1", "forks=1 warmup=2x1000ms measurement=5x1000ms mode=avgt");

    @TempDir
    Path tmp;

    @Test
    void rowsRoundTripIncludingSpecsWithCommasAndEmptyMeasurements() throws IOException {
        ScalingCell fmm = new ScalingCell(VariantSpec.parse("fmm:k=5,kernels=elu+elu_flip"), 4096, 1,
                new HeadLayout(2, 32), true, BenchMode.FWDBWD);
        ScalingCell softmax = new ScalingCell(VariantSpec.parse("softmax"), 65536, 1, new HeadLayout(8, 64), false,
                BenchMode.FWD);
        List<ScalingRow> rows = List.of(
                ScalingRow.ok(fmm, new CellMeasurement(12.5, 12.0, 14.25, 12.0, 40.5, 512.25), Double.NaN, 1, P),
                ScalingRow.skipped(softmax, 123456.5, "estimated peak 123457 MiB, over budget", 1, P));
        Path file = tmp.resolve("scaling.csv");
        ScalingCsv.write(file, rows);
        assertEquals(rows, ScalingCsv.read(file));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
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
