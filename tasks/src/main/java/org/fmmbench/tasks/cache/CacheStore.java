package org.fmmbench.tasks.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fmmbench.tasks.FileLocks;

/**
 * Opens a token cache, building it first when it is absent or broken. A lock file keeps two processes from
 * building the same cache at once; the second one then finds the first one's finished file.
 */
public final class CacheStore {
    private static final System.Logger LOG = System.getLogger(CacheStore.class.getName());

    /** Writes every example of one cache file. */
    @FunctionalInterface
    public interface Builder {
        void build(TokenCacheWriter writer) throws IOException;
    }

    private CacheStore() {
    }

    public static TokenCache openOrBuild(Path file, int docs, Builder builder) {
        try {
            Optional<TokenCache> ready = TokenCache.openIfValid(file);
            if (ready.isPresent()) {
                return ready.get();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            return FileLocks.withLock(file.resolveSibling(file.getFileName() + ".lock"), () -> {
                Optional<TokenCache> again = TokenCache.openIfValid(file);
                if (again.isPresent()) {
                    return again.get();
                }
                if (Files.exists(file)) {
                    LOG.log(System.Logger.Level.WARNING, "cache file " + file + " is incomplete or corrupt; rebuilding it");
                    Files.delete(file);
                }
                deleteStaleParts(file);
                LOG.log(System.Logger.Level.INFO, "building cache " + file);
                try (TokenCacheWriter writer = new TokenCacheWriter(file, docs)) {
                    builder.build(writer);
                    writer.commit();
                }
                return TokenCache.openIfValid(file)
                        .orElseThrow(() -> new IOException("cache " + file + " failed its check right after writing"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build or read cache " + file, e);
        }
    }

    /** Temporary files of writers that were killed; safe to delete because we hold the lock. */
    private static void deleteStaleParts(Path file) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(file.toAbsolutePath().getParent(),
                file.getFileName() + ".*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }
}
