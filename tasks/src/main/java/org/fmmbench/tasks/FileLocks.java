package org.fmmbench.tasks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a step while holding a lock file, so that two processes, or two threads of one process, never
 * generate the same data at once. (An operating-system file lock alone is per process: a second thread
 * asking for it would fail instead of waiting.)
 */
public final class FileLocks {
    /** The step to run under the lock. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws IOException;
    }

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    @SuppressWarnings("try") // the lock is held for the block, never read
    public static <T> T withLock(Path lockFile, Step<T> step) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(key.getParent());
            try (FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                return step.run();
            }
        } finally {
            local.unlock();
        }
    }
}
