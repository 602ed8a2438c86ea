package org.fmmbench.tasks.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Reads CIFAR-10 binary batches (record = 1 label byte, then 1024 R, 1024 G and 1024 B bytes) and converts
 * each image to gray as LRA does through TensorFlow: g = 0.2989 R + 0.5870 G + 0.1140 B on values / 255,
 * then back to a byte as trunc(g * 255.5).
 */
public final class CifarReader {
    public static final int PIXELS = 1024;
    private static final int RECORD = 1 + 3 * PIXELS;

    private CifarReader() {
    }

    /** Copies records {@code [from, to)} of a batch file (in file order) into the cache. */
    public static void read(Path file, int from, int to, TokenCacheWriter out) throws IOException {
        long size = Files.size(file);
        if (size % RECORD != 0) {
            throw new MalformedDataException(file, "record " + size / RECORD, "file is " + size
                    + " bytes, not a whole number of " + RECORD + "-byte records: the last record is truncated");
        }
        byte[] rec = new byte[RECORD];
        byte[] gray = new byte[PIXELS];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int i = 0; i < Math.min(to, size / RECORD); i++) {
                if (in.readNBytes(rec, 0, RECORD) != RECORD) {
                    throw new MalformedDataException(file, "record " + i, "truncated record");
                }
                if (i < from) {
                    continue;
                }
                int label = rec[0] & 0xFF;
                if (label > 9) {
                    throw new MalformedDataException(file, "record " + i, "label " + label + " is outside 0..9");
                }
                for (int p = 0; p < PIXELS; p++) {
                    gray[p] = (byte) gray(rec[1 + p] & 0xFF, rec[1 + PIXELS + p] & 0xFF, rec[1 + 2 * PIXELS + p] & 0xFF);
                }
                out.add(label, gray, PIXELS);
            }
        }
    }

    public static int records(Path file) throws IOException {
        return (int) (Files.size(file) / RECORD);
    }

    /** tf.image.rgb_to_grayscale on float images, then convert_image_dtype back to uint8 (scale 255.5, truncate). */
    static int gray(int r, int g, int b) {
        float v = 0.2989f * (r / 255f) + 0.5870f * (g / 255f) + 0.1140f * (b / 255f);
        return Math.min(255, (int) (v * 255.5f));
    }
}
