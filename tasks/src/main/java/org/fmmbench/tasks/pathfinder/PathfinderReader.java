package org.fmmbench.tasks.pathfinder;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Reads a Pathfinder difficulty folder in LRA's layout: {@code metadata/<batch>.npy} text lines
 * ({@code imgs/<batch> sample_<i>.png <i> <label> ...}) and 8-bit grayscale PNGs. Empty (zero-byte) images,
 * which the LRA release contains, are skipped and counted, as LRA does.
 */
public final class PathfinderReader {
    private PathfinderReader() {
    }

    /** What a read found: images written and empty images skipped (with their paths). */
    public record Result(int images, List<Path> skipped) {
    }

    /** Metadata files in batch order (numeric where the names are numbers); {@code maxBatches <= 0} = all. */
    public static List<Path> metadataFiles(Path dir, int maxBatches) throws IOException {
        Path meta = dir.resolve("metadata");
        if (!Files.isDirectory(meta)) {
            throw new MissingDataException("Pathfinder: no metadata folder in " + dir);
        }
        try (Stream<Path> s = Files.list(meta)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".npy"))
                    .sorted(Comparator.comparing((Path p) -> batchNumber(p)).thenComparing(Path::toString)).toList();
            if (files.isEmpty()) {
                throw new MissingDataException("Pathfinder: no metadata/*.npy files in " + dir);
            }
            return maxBatches > 0 ? files.subList(0, Math.min(maxBatches, files.size())) : files;
        }
    }

    private static long batchNumber(Path p) {
        String name = p.getFileName().toString().replace(".npy", "");
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    public static Result read(Path dir, List<Path> metadata, TokenCacheWriter out) throws IOException {
        int images = 0;
        int side = -1;
        List<Path> skipped = new ArrayList<>();
        for (Path meta : metadata) {
            try (BufferedReader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = r.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = "line " + lineNo;
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 4) {
                        throw new MalformedDataException(meta, where, "expected at least 4 space-separated fields "
                                + "(folder, file, index, label), found " + f.length);
                    }
                    int label;
                    try {
                        label = (int) Double.parseDouble(f[3]);
                    } catch (NumberFormatException e) {
                        throw new MalformedDataException(meta, where, "label '" + f[3] + "' is not a number");
                    }
                    if (label != 0 && label != 1 || Double.parseDouble(f[3]) != label) {
                        throw new MalformedDataException(meta, where, "label " + f[3] + " is not 0 or 1");
                    }
                    Path png = dir.resolve(f[0]).resolve(f[1]);
                    if (!Files.exists(png)) {
                        throw new MalformedDataException(meta, where, "image " + png + " does not exist");
                    }
                    if (Files.size(png) == 0) {
                        skipped.add(png);
                        continue;
                    }
                    byte[] pixels = pixels(png, meta, where);
                    int s = (int) Math.round(Math.sqrt(pixels.length));
                    if (side < 0) {
                        side = s;
                    } else if (s != side) {
                        throw new MalformedDataException(meta, where, "image " + png + " is " + s + "x" + s
                                + ", the others are " + side + "x" + side);
                    }
                    out.add(label, pixels, pixels.length);
                    images++;
                }
            }
        }
        return new Result(images, skipped);
    }

    private static byte[] pixels(Path png, Path meta, String where) {
        BufferedImage img;
        try {
            img = ImageIO.read(png.toFile());
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(png, "listed in " + meta.getFileName() + " " + where, "unreadable image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new MalformedDataException(png, "listed in " + meta.getFileName() + " " + where, "not a PNG image");
        }
        Raster raster = img.getRaster();
        if (raster.getNumBands() != 1 || img.getWidth() != img.getHeight()
                || raster.getSampleModel().getSampleSize(0) != 8) {
            throw new MalformedDataException(png, "listed in " + meta.getFileName() + " " + where,
                    "expected a square 8-bit grayscale image, found " + img.getWidth() + "x" + img.getHeight()
                            + " with " + raster.getNumBands() + " band(s)");
        }
        int n = img.getWidth();
        byte[] out = new byte[n * n];
        int[] row = new int[n];
        for (int y = 0; y < n; y++) {
            raster.getSamples(0, y, n, 1, 0, row);
            for (int x = 0; x < n; x++) {
                out[y * n + x] = (byte) row[x];
            }
        }
        return out;
    }
}
