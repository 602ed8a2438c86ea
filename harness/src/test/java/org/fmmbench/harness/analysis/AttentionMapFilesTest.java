package org.fmmbench.harness.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.harness.results.CsvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionMapFilesTest {
    @TempDir
    Path dir;

    @Test
    void ranksHaveOneRowPerHeadAndSpectraOneRowPerSingularValueOfEachMatrix() throws IOException {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] lowerOnes = {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}};
        List<HeadSpectrum> heads = List.of(HeadSpectrum.of(0, 0, 0, 1, identity),
                HeadSpectrum.of(0, 0, 1, 1, lowerOnes));
        AttentionMapFiles.write(dir, heads, "test", "Two heads.");

        CsvFile.Table ranks = CsvFile.read(dir.resolve(AttentionMapFiles.RANKS));
        assertEquals(List.of("sample", "layer", "head", "n", "band_k", "band_share", "rank90_full", "rank99_full",
                "rank90_remainder", "rank99_remainder"), ranks.header());
        assertEquals(2, ranks.rows().size());
        assertEquals("1.0000", ranks.rows().get(0).get("band_share"), "the identity lies inside a band of width 1");
        assertEquals("3", ranks.rows().get(0).get("rank99_full"));

        CsvFile.Table spectra = CsvFile.read(dir.resolve(AttentionMapFiles.SPECTRA));
        assertEquals(2 * 2 * 3, spectra.rows().size(), "two heads, A and its remainder, three values each");
        assertEquals("remainder", spectra.rows().get(3).get("matrix"));
        assertEquals("1", spectra.rows().get(3).get("index"));
        assertTrue(Files.readString(dir.resolve(AttentionMapFiles.SUMMARY)).contains("| layer 0 head 0 | 100.0% | 3.0 |"),
                "the summary's table holds each head's means");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".tmp-")).toList(),
                    "no temporary file is left behind");
        }
    }
}
