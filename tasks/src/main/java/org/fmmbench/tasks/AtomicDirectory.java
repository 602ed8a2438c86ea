package org.fmmbench.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A generated directory that either exists complete or not at all: it is filled under a temporary name and
 * renamed when done, under a lock so that concurrent processes do not generate it twice. Leftovers of a
 * killed generator are deleted and the directory is generated again.
 */
public final class AtomicDirectory {
    /** Fills an empty directory. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path emptyDir) throws IOException;
    }

    private AtomicDirectory() {
    }

    public static Path ensure(Path dir, Filler filler) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            return FileLocks.withLock(dir.resolveSibling(dir.getFileName() + ".lock"), () -> {
                if (Files.isDirectory(dir)) {
                    return dir;
                }
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir.toAbsolutePath().getParent(),
                        dir.getFileName() + ".part-*")) {
                    for (Path p : stale) {
                        deleteTree(p);
                    }
                }
                Path temp = Files.createTempDirectory(dir.toAbsolutePath().getParent(), dir.getFileName() + ".part-");
                filler.fill(temp);
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                return dir;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + dir, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
