package org.fmmbench.tasks.pathfinder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathfinderTaskProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void readsLrasLayoutSkippingEmptyImages() throws IOException {
        Path dir = Fixtures.path("pathfinder32/curv_contour_length_14");
        Path out = cache.resolve("t.tok");
        try (TokenCacheWriter w = new TokenCacheWriter(out, 1)) {
            PathfinderReader.Result r = PathfinderReader.read(dir, PathfinderReader.metadataFiles(dir, 0), w);
            assertEquals(5, r.images());
            assertEquals(List.of(dir.resolve("imgs/0/sample_3.png")), r.skipped());
        }
        try (Task t = TaskRegistry.open("pathfinder", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals("pathfinder-lra-files", t.info().dataSource());
            assertEquals(256, t.info().vocabSize());
            assertEquals(2, t.info().numClasses());
            int total = 0;
            int positives = 0;
            for (SplitName s : SplitName.values()) {
                total += t.split(s).size();
                for (int i = 0; i < t.split(s).size(); i++) {
                    positives += t.split(s).label(i);
                }
            }
            assertEquals(5, total);
            assertEquals(2, positives, "labels 1,1,0,0,0 of the five readable images");
            assertEquals(4, t.split(SplitName.TRAIN).size());
            int[] dst = new int[1024];
            t.split(SplitName.TRAIN).tokens(0, 0, dst);
            assertTrue(java.util.Arrays.stream(dst).max().getAsInt() == 255, "images are scaled to a maximum of 255");
        }
        List<Path> skipped = Files.list(cache.resolve("tokens/pathfinder")).toList();
        assertEquals(1, skipped.size());
        assertTrue(Files.readString(PathfinderTaskProvider.skippedFile(skipped.get(0).resolve("all.tok"))).contains("sample_3.png"));
    }

    @Test
    void pngPixelsArriveUnchanged() throws IOException {
        byte[] pixels = new byte[1024];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path dir = data.resolve("pf");
        Files.createDirectories(dir.resolve("imgs/0"));
        Files.createDirectories(dir.resolve("metadata"));
        PathfinderDatasetWriter.writePng(dir.resolve("imgs/0/sample_0.png"), pixels, 32);
        Files.writeString(dir.resolve("metadata/0.npy"), "imgs/0 sample_0.png 0 1 1.0 14 4 2 0.5 1 1\n");
        try (Task t = TaskRegistry.open("pathfinder", new TaskOptions(dir, cache, "auto", 0, 0, 0, 0, 0, "shift"))) {
            Task task = t;
            int[] dst = new int[1024];
            SplitName only = task.split(SplitName.TRAIN).size() == 1 ? SplitName.TRAIN : SplitName.TEST;
            task.split(only).tokens(0, 0, dst);
            for (int i = 0; i < 1024; i++) {
                assertEquals((pixels[i] & 0xFF) + 1, dst[i], "pixel " + i);
            }
        }
    }

    @Test
    void badMetadataAndImagesAreReportedWithFileAndLine() throws IOException {
        assertMalformed("imgs/0 sample_0.png 0 1 1.0\nimgs/0 sample_1.png 1 2 1.0\n", null, "line 2", "not 0 or 1");
        assertMalformed("imgs/0 sample_0.png 0\n", null, "line 1", "at least 4");
        assertMalformed("imgs/0 sample_9.png 9 1\n", null, "line 1", "does not exist");
        assertMalformed("imgs/0 sample_0.png 0 1\n", "sample_0.png", "line 1", "not a PNG image");
    }

    private void assertMalformed(String metadata, String garbleImage, String where, String problem) throws IOException {
        Path dir = Fixtures.copy("pathfinder32/curv_contour_length_14", Files.createTempDirectory(data, "case").resolve("pf"));
        Files.writeString(dir.resolve("metadata/0.npy"), metadata);
        if (garbleImage != null) {
            Files.writeString(dir.resolve("imgs/0").resolve(garbleImage), "not a png");
        }
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("pathfinder", Fixtures.options(dir, cache, "auto")).close());
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void explicitLraSourceWithoutFilesSaysWhereItLooked() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> TaskRegistry.open("pathfinder", Fixtures.options(data, cache, "pathfinder-lra-files")));
        assertTrue(e.getMessage().contains(data.resolve("lra_release/pathfinder32/curv_contour_length_14").toString()), e.getMessage());
    }

    @Test
    void generatesOnlyTheBatchesTheCapsNeedAndResumesAKilledBatch() throws IOException {
        TaskOptions o = new TaskOptions(null, cache, "auto", 0, 3, 800, 100, 100, "pad");
        Path dir = cache.resolve("pathfinder-generated/pathfinder32-curv_contour_length_14-seed3");
        try (Task t = TaskRegistry.open("pathfinder", o)) {
            assertEquals("pathfinder-generated", t.info().dataSource());
            assertEquals(800, t.split(SplitName.TRAIN).size());
            assertEquals(100, t.split(SplitName.VAL).size());
            assertEquals(100, t.split(SplitName.TEST).size());
            int positives = 0;
            for (int i = 0; i < 800; i++) {
                positives += t.split(SplitName.TRAIN).label(i);
            }
            assertTrue(Math.abs(positives - 400) < 60, positives + " positives of 800");
        }
        assertEquals(1, Files.list(dir.resolve("metadata")).count());
        byte[] before = Files.readAllBytes(dir.resolve("imgs/0/sample_999.png"));
        // A run killed inside the batch: metadata not yet written, an image half written.
        Files.delete(dir.resolve("metadata/0.npy"));
        Files.write(dir.resolve("imgs/0/sample_999.png"), new byte[] {1, 2, 3});
        PathfinderDatasetWriter.ensure(dir, PathfinderParams.pathfinder32(14), 3, 1, 2);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("imgs/0/sample_999.png")));
        assertTrue(Files.exists(dir.resolve("metadata/0.npy")));
        try (Task t = TaskRegistry.open("pathfinder", Fixtures.options(dir, cache, "auto"))) {
            assertEquals("pathfinder-generated", t.info().dataSource(), "generated files keep their name when read as files");
            assertEquals(1000, t.split(SplitName.TRAIN).size() + t.split(SplitName.VAL).size() + t.split(SplitName.TEST).size());
        }
    }
}
