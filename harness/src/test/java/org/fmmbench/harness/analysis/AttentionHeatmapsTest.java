package org.fmmbench.harness.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionHeatmapsTest {
    @TempDir
    Path tmp;

    @Test
    void writesAPngWithThreePanelsAndNoTemporaryFileLeftBehind() throws IOException {
        double[][] a = new double[40][40];
        for (int i = 0; i < a.length; i++) {
            a[i][Math.max(0, i - 20)] = 1;
        }

        Path file = AttentionHeatmaps.write(tmp, 1, 0, 4, a);

        assertEquals(tmp.resolve("heatmap-layer1-head0.png"), file);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(3 * image.getHeight(), image.getWidth());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aMatrixLargerThanTheDrawnCellsIsShownAsBlockMeansIncludingTheRaggedEdge() {
        double[][] m = {{1, 3, 5}, {1, 3, 5}, {2, 2, 8}};

        double[][] pooled = AttentionHeatmaps.pooled(m, 2);

        assertArrayEquals(new double[] {2, 5}, pooled[0]);
        assertArrayEquals(new double[] {2, 8}, pooled[1]);
    }

    @Test
    void aLargeMatrixIsDrawnAtMostMaxCellsPerSide() throws IOException {
        int n = 3 * AttentionHeatmaps.MAX_CELLS + 1;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }

        assertEquals(1, AttentionHeatmaps.blockFor(AttentionHeatmaps.MAX_CELLS));
        assertEquals(4, AttentionHeatmaps.blockFor(n));
        assertEquals(97, AttentionHeatmaps.pooled(a, 4).length);
        assertNotNull(ImageIO.read(AttentionHeatmaps.write(tmp, 0, 0, 8, a).toFile()));
    }
}
