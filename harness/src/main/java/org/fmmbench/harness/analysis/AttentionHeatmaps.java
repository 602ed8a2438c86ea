package org.fmmbench.harness.analysis;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.fmmbench.harness.results.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Writes one head's attention matrix as the paper's Figure 1 shows it: three heatmaps side by side, A, band_k(A)
 * and A − band_k(A), on one colour scale (0 to max A) so the remainder's weight reads against the whole.
 */
public final class AttentionHeatmaps {
    /** Cells per side drawn; a larger matrix is shown as means of square blocks (the title says so). */
    static final int MAX_CELLS = 128;
    private static final int PANEL = 520;

    private AttentionHeatmaps() {
    }

    /** The file name of one head's heatmaps. */
    public static String fileName(int layer, int head) {
        return String.format(Locale.ROOT, "heatmap-layer%d-head%d.png", layer, head);
    }

    /**
     * Writes {@code dir/heatmap-layer<L>-head<H>.png} atomically.
     *
     * @param a the head's N × N attention matrix for one input (row: query, column: key)
     * @return the file written
     */
    public static Path write(Path dir, int layer, int head, int band, double[][] a) throws IOException {
        BandSplit split = BandSplit.of(a, band);
        int block = blockFor(a.length);
        double[][] shown = pooled(a, block);
        double max = 0;
        for (double[] row : shown) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        String scale = block == 1 ? "" : String.format(Locale.ROOT, " (%d×%d block means)", block, block);
        String where = String.format(Locale.ROOT, "layer %d head %d", layer, head);
        HeatMapChart[] panels = {
            panel(where + ": A" + scale, shown, max),
            panel("band_k(A), k = " + band + scale, pooled(split.band(), block), max),
            panel("A - band_k(A)" + scale, pooled(split.remainder(), block), max)};
        BufferedImage image = new BufferedImage(PANEL * panels.length, PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int p = 0; p < panels.length; p++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panels[p]), p * PANEL, 0, null);
            }
        } finally {
            g.dispose();
        }
        Path file = dir.resolve(fileName(layer, head));
        AtomicFiles.writeBinary(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
        return file;
    }

    private static HeatMapChart panel(String title, double[][] m, double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(PANEL).height(PANEL).title(title)
                .xAxisTitle("key j").yAxisTitle("query i").build();
        chart.getStyler().setMin(0).setMax(max > 0 ? max : 1)
                .setRangeColors(new Color[] {Color.WHITE, new Color(0x30, 0x60, 0xC0), new Color(0x10, 0x10, 0x40)})
                .setShowValue(false).setDrawBorder(false).setLegendVisible(false);
        // Tick labels for every cell would overlap beyond a few dozen cells.
        chart.getStyler().setAxisTicksVisible(m.length <= 32);
        int n = m.length;
        List<Number[]> cells = new ArrayList<>(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Query 0 at the top, as a matrix is printed: the chart's y axis grows upwards, so row i sits at
                // y position n - 1 - i, whose label (below) reads i.
                cells.add(new Number[] {j, n - 1 - i, m[i][j]});
            }
        }
        chart.addSeries("attention", IntStream.range(0, n).boxed().toList(),
                IntStream.range(0, n).map(y -> n - 1 - y).boxed().toList(), cells);
        return chart;
    }

    /** The smallest block side that draws an N × N matrix in at most {@link #MAX_CELLS} cells per side. */
    static int blockFor(int n) {
        return (n + MAX_CELLS - 1) / MAX_CELLS;
    }

    /** Means of {@code block} × {@code block} squares (the last ones may be smaller). */
    static double[][] pooled(double[][] m, int block) {
        if (block == 1) {
            return m;
        }
        int n = m.length;
        int cells = (n + block - 1) / block;
        double[][] out = new double[cells][cells];
        for (int bi = 0; bi < cells; bi++) {
            for (int bj = 0; bj < cells; bj++) {
                double sum = 0;
                int count = 0;
                for (int i = bi * block; i < Math.min(n, (bi + 1) * block); i++) {
                    for (int j = bj * block; j < Math.min(n, (bj + 1) * block); j++) {
                        sum += m[i][j];
                        count++;
                    }
                }
                out[bi][bj] = sum / count;
            }
        }
        return out;
    }
}
