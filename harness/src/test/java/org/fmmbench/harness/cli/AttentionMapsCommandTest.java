package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionMapsCommandTest {
    @TempDir
    Path tmp;

    private int run(StringWriter err, String... args) {
        return FmmbenchCli.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void writesOneRankRowPerInputLayerAndHeadWithTheChartHeatmapsAndSummary() throws IOException {
        StringWriter err = new StringWriter();
        int code = run(err, "attention-maps", "--length", "16", "--steps", "10", "--inputs", "2", "--band", "4",
                "--out", tmp.toString(), "--run-id", "maps");

        assertEquals(0, code, err.toString());
        Path dir = tmp.resolve("maps");
        List<String> ranks = Files.readAllLines(dir.resolve("attention-ranks.csv"));
        // copy-cpu: 2 layers x 2 heads, 2 inputs.
        assertEquals(1 + 2 * 2 * 2, ranks.size(), String.join("\n", ranks));
        for (String row : ranks.subList(1, ranks.size())) {
            String[] f = row.split(",");
            assertEquals("16", f[3]);
            int rank99 = Integer.parseInt(f[7]);
            int remainder99 = Integer.parseInt(f[9]);
            assertTrue(rank99 >= 1 && rank99 <= 16 && remainder99 <= 16, row);
        }
        assertTrue(Files.size(dir.resolve("rank-chart.png")) > 0);
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("Test copy accuracy"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("heatmap-layer0-head0.png", "heatmap-layer0-head1.png", "heatmap-layer1-head0.png",
                    "heatmap-layer1-head1.png"), files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("heatmap")).sorted().toList());
        }
        BufferedImage image = ImageIO.read(dir.resolve("heatmap-layer1-head0.png").toFile());
        assertNotNull(image, "not a readable image");
        // Three panels side by side: A, band_k(A), remainder.
        assertEquals(3 * image.getHeight(), image.getWidth());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("`heatmap-layer1-head0.png`"));
    }

    @Test
    void anEarlierAnalysisIsKeptUnlessForcedAndTheRefusalExitsWithTwo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(dir.resolve("summary.md"), "earlier");

        assertRefused("--force", "--out", tmp.toString(), "--run-id", "maps");

        assertEquals("earlier", Files.readString(dir.resolve("summary.md")));
    }

    @Test
    void aTaskOtherThanCopyOrImageIsRefusedWithExitTwoBeforeAnythingIsWritten() {
        assertRefused("copy or image", "--task", "listops", "--out", tmp.toString(), "--run-id", "maps");
        assertTrue(Files.notExists(tmp.resolve("maps")));
    }

    @Test
    void aCountBelowOneIsRefusedNamingItsOptionBeforeAnythingIsWritten() {
        assertRefused("--inputs must be at least 1, got 0.", "--inputs", "0", "--out", tmp.toString(), "--run-id",
                "maps");
        assertTrue(Files.notExists(tmp.resolve("maps")));
    }

    @Test
    void aRunIdThatLeavesOutIsRefusedWithExitTwoBeforeAnythingIsWritten() {
        assertRefused("Bad run id", "--out", tmp.resolve("out").toString(), "--run-id", "../escaped");
        assertTrue(Files.notExists(tmp.resolve("escaped")));
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    /** attention-maps with {@code args} exits 2 with {@code expected} in its one line on stderr. */
    private void assertRefused(String expected, String... args) {
        StringWriter err = new StringWriter();
        String[] command = Stream.concat(Stream.of("attention-maps"), Arrays.stream(args)).toArray(String[]::new);

        int code = run(err, command);

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
    }
}
