package org.fmmbench.harness.results;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file writes: content goes to a temporary file in the target's directory and is then renamed
 * over the target in one atomic step, so a reader (or a run killed at any moment) sees the old file or
 * the new one, never half of one.
 */
public final class AtomicFiles {
    /** Marker in the names of temporary files; leftovers of a killed run carry it and are safe to delete. */
    public static final String TEMP_MARKER = ".tmp-";

    /** Writes the content of a file through a {@link Writer}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the content of a binary file through an {@link OutputStream}. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        replace(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Writes a binary file atomically. */
    public static void writeBinary(Path target, BinaryContent content) throws IOException {
        replace(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
        });
    }

    /** Fills a temporary file. */
    private interface Fill {
        void into(Path tmp) throws IOException;
    }

    /**
     * Fills a temporary file beside the target, forces it to the disk and renames it over the target: a file that
     * replaces the last good one (a checkpoint, results.csv) must survive a power cut, not only a killed process.
     */
    private static void replace(Path target, Fill fill) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + TEMP_MARKER, "");
        try {
            fill.into(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + dir + " cannot rename atomically; "
                        + "put the run directory on a local disk.", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies {@code source} over {@code target} atomically. */
    public static void copy(Path source, Path target) throws IOException {
        writeBinary(target, out -> Files.copy(source, out));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Deletes temporary files a killed writer left in {@code dir}; returns how many. */
    public static int deleteLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_MARKER + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                n++;
            }
        }
        return n;
    }
}
