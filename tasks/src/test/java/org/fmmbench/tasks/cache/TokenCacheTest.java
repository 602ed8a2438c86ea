package org.fmmbench.tasks.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
    @TempDir
    Path dir;

    private static void threeExamples(TokenCacheWriter w) throws IOException {
        w.add(1, new byte[][] {{5, 6, 7}, {(byte) 255}}, new int[] {3, 1});
        w.add(0, new byte[][] {{}, {1, 2}}, new int[] {0, 2});
        w.add(7, new byte[][] {{9, 9, 9, 9}, {3}}, new int[] {4, 1});
    }

    @Test
    void roundTripsLabelsAndDocumentsOfTwoDocumentExamples() {
        try (TokenCache c = CacheStore.openOrBuild(dir.resolve("a.tok"), 2, TokenCacheTest::threeExamples)) {
            assertEquals(3, c.size());
            assertEquals(7, c.label(2));
            CachedSplit split = new CachedSplit(c, 0, 3, 1);
            int[] dst = new int[5];
            split.tokens(0, 0, dst);
            assertArrayEquals(new int[] {6, 7, 8, 0, 0}, dst);
            split.tokens(0, 1, dst);
            assertArrayEquals(new int[] {256, 0, 0, 0, 0}, dst);
            split.tokens(1, 0, dst);
            assertArrayEquals(new int[] {0, 0, 0, 0, 0}, dst);
            split.tokens(2, 0, dst);
            assertArrayEquals(new int[] {10, 10, 10, 0, 0}, dst, "content is cut to 3 tokens");
        }
    }

    @Test
    void capsAndRowSelectionsLimitTheSplit() {
        try (TokenCache c = CacheStore.openOrBuild(dir.resolve("a.tok"), 2, TokenCacheTest::threeExamples)) {
            assertEquals(2, new CachedSplit(c, 2, 10, 0).size());
            CachedSplit rows = new CachedSplit(c, new int[] {2, 0}, 0, 10, 0);
            assertEquals(2, rows.size());
            assertEquals(7, rows.label(0));
            assertEquals(1, rows.label(1));
        }
    }

    @Test
    void aTruncatedCacheFileIsDetectedAndRebuilt() throws IOException {
        Path file = dir.resolve("a.tok");
        CacheStore.openOrBuild(file, 2, TokenCacheTest::threeExamples).close();
        long full = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(full - 5);
        }
        assertFalse(TokenCache.openIfValid(file).isPresent());
        AtomicInteger builds = new AtomicInteger();
        try (TokenCache c = CacheStore.openOrBuild(file, 2, w -> {
            builds.incrementAndGet();
            threeExamples(w);
        })) {
            assertEquals(1, builds.get());
            assertEquals(3, c.size());
            assertEquals(full, Files.size(file));
        }
    }

    @Test
    void aCorruptedByteFailsTheChecksumAndTheFileIsRebuilt() throws IOException {
        Path file = dir.resolve("a.tok");
        CacheStore.openOrBuild(file, 2, TokenCacheTest::threeExamples).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(TokenCacheFormat.HEADER + 1);
            raf.write(42);
        }
        assertFalse(TokenCache.openIfValid(file).isPresent());
        try (TokenCache c = CacheStore.openOrBuild(file, 2, TokenCacheTest::threeExamples)) {
            int[] dst = new int[3];
            new CachedSplit(c, 0, 3, 0).tokens(0, 0, dst);
            assertArrayEquals(new int[] {5, 6, 7}, dst);
        }
    }

    @Test
    void aKilledWriterLeavesOnlyATemporaryFileWhichIsCleanedUp() throws IOException {
        Path file = dir.resolve("a.tok");
        TokenCacheWriter killed = new TokenCacheWriter(file, 1);
        killed.add(1, new byte[] {1, 2, 3}, 3);
        // No commit and no close: as if the process died here.
        assertFalse(Files.exists(file));
        try (TokenCache c = CacheStore.openOrBuild(file, 1, w -> w.add(4, new byte[] {9}, 1))) {
            assertEquals(1, c.size());
            assertEquals(4, c.label(0));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".part")), "stale temporary file left behind");
        }
    }

    @Test
    void twoThreadsOpeningTheSameCacheBuildItOnce() throws Exception {
        Path file = dir.resolve("a.tok");
        AtomicInteger builds = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> sizes = pool.invokeAll(java.util.List.of(
                    () -> open(file, builds), () -> open(file, builds)));
            for (java.util.concurrent.Future<Integer> f : sizes) {
                assertEquals(3, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, builds.get());
    }

    private static int open(Path file, AtomicInteger builds) {
        try (TokenCache c = CacheStore.openOrBuild(file, 2, w -> {
            builds.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threeExamples(w);
        })) {
            return c.size();
        }
    }

    @Test
    void aFailingBuilderLeavesNoCacheFile() {
        Path file = dir.resolve("a.tok");
        try {
            CacheStore.openOrBuild(file, 1, w -> {
                w.add(1, new byte[] {1}, 1);
                throw new IOException("disk on fire");
            });
        } catch (RuntimeException expected) {
            // the message is checked elsewhere; here only the file system matters
        }
        assertFalse(Files.exists(file));
    }
}
