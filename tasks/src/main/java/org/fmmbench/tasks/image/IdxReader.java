package org.fmmbench.tasks.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.fmmbench.tasks.MalformedDataException;

/** Reads (optionally gzipped) IDX files as used by MNIST and Fashion-MNIST: unsigned bytes only. */
public final class IdxReader {
    private IdxReader() {
    }

    /** Images as one byte array per image, from an idx3 file. */
    public static byte[][] images(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, 3);
            byte[][] images = new byte[dims[0]][dims[1] * dims[2]];
            for (int i = 0; i < dims[0]; i++) {
                try {
                    in.readFully(images[i]);
                } catch (EOFException e) {
                    throw new MalformedDataException(file, "record " + i, "truncated: the header promises " + dims[0] + " images");
                }
            }
            return images;
        }
    }

    /** Labels from an idx1 file, each checked to be below {@code classes}. */
    public static byte[] labels(Path file, int classes) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, 1);
            byte[] labels = new byte[dims[0]];
            try {
                in.readFully(labels);
            } catch (EOFException e) {
                throw new MalformedDataException(file, "record " + dims[0], "truncated: the header promises " + dims[0] + " labels");
            }
            for (int i = 0; i < labels.length; i++) {
                if ((labels[i] & 0xFF) >= classes) {
                    throw new MalformedDataException(file, "record " + i, "label " + (labels[i] & 0xFF) + " is outside 0.." + (classes - 1));
                }
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static int[] header(Path file, DataInputStream in, int rank) throws IOException {
        try {
            int magic = in.readInt();
            if (magic != (0x0800 | rank)) {
                throw new MalformedDataException(file, "header", String.format(
                        "magic number 0x%08x is not an unsigned-byte IDX file of rank %d (expected 0x%08x)", magic, rank, 0x0800 | rank));
            }
            int[] dims = new int[rank];
            for (int d = 0; d < rank; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0) {
                    throw new MalformedDataException(file, "header", "negative dimension " + dims[d]);
                }
            }
            return dims;
        } catch (EOFException e) {
            throw new MalformedDataException(file, "header", "file ends inside the header");
        }
    }
}
