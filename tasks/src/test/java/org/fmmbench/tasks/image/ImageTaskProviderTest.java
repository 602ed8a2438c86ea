package org.fmmbench.tasks.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTaskProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void grayscaleFollowsTensorflowsFormulaAndTruncation() {
        assertEquals(0, CifarReader.gray(0, 0, 0));
        assertEquals(255, CifarReader.gray(255, 255, 255));
        // 0.2989*200/255 + 0.5870*100/255 + 0.1140*50/255 = 0.48708..., times 255.5 = 124.45 -> 124
        assertEquals(124, CifarReader.gray(200, 100, 50));
        assertEquals(76, CifarReader.gray(255, 0, 0), "0.2989 * 255.5 = 76.37");
    }

    @Test
    void readsCifarBatchesSplitNinetyTenWithGrayTokens() {
        try (Task t = TaskRegistry.open("image", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals("cifar10", t.info().dataSource());
            assertEquals(256, t.info().vocabSize());
            assertEquals(1024, t.info().seqLength());
            assertEquals(9, t.split(SplitName.TRAIN).size());
            assertEquals(1, t.split(SplitName.VAL).size());
            Split test = t.split(SplitName.TEST);
            assertEquals(2, test.size());
            assertEquals(3, test.label(0));
            assertEquals(7, test.label(1));
            int[] dst = new int[1024];
            test.tokens(1, 0, dst);
            assertEquals(124, dst[0]);
            assertEquals(124, dst[1023]);
            test.tokens(0, 0, dst);
            assertEquals(0, dst[5], "a black pixel is the pad id in 'pad' mode");
            // The fixture's first batch holds labels 1 and 8, so train starts with them in file order.
            assertEquals(1, t.split(SplitName.TRAIN).label(0));
            assertEquals(8, t.split(SplitName.TRAIN).label(1));
        }
    }

    @Test
    void shiftModeMakesBlackPixelsRealTokens() {
        TaskOptions o = new TaskOptions(Fixtures.path(""), cache, "cifar10", 0, 0, 0, 0, 0, "shift");
        try (Task t = TaskRegistry.open("image", o)) {
            assertEquals(257, t.info().vocabSize());
            int[] dst = new int[1024];
            t.split(SplitName.TEST).tokens(0, 0, dst);
            assertEquals(1, dst[5]);
        }
    }

    @Test
    void aTruncatedCifarRecordIsReportedWithItsIndex() throws IOException {
        Path dir = Fixtures.copy("cifar-10-batches-bin", data.resolve("cifar-10-batches-bin"));
        Path batch = dir.resolve("data_batch_3.bin");
        try (RandomAccessFile raf = new RandomAccessFile(batch.toFile(), "rw")) {
            raf.setLength(3073 + 100);
        }
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("image", Fixtures.options(data, cache, "cifar10")).close());
        assertTrue(e.getMessage().contains(batch.toString()) && e.getMessage().contains("record 1"), e.getMessage());
    }

    @Test
    void aCifarLabelOutOfRangeIsReportedWithItsIndex() throws IOException {
        Path dir = Fixtures.copy("cifar-10-batches-bin", data.resolve("cifar-10-batches-bin"));
        Path batch = dir.resolve("test_batch.bin");
        try (RandomAccessFile raf = new RandomAccessFile(batch.toFile(), "rw")) {
            raf.seek(3073);
            raf.write(12);
        }
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("image", Fixtures.options(data, cache, "cifar10")).close());
        assertTrue(e.getMessage().contains("record 1") && e.getMessage().contains("label 12"), e.getMessage());
    }

    @Test
    void byDefaultFashionMnistKeepsBlackPixelsAsTokensAndCifarPadsThem() {
        ImageTaskProvider provider = new ImageTaskProvider(data.resolve("nowhere"));
        TaskOptions fashion = new TaskOptions(Fixtures.path(""), cache, "fashion-mnist", 0, 0, 0, 0, 0, "auto");
        try (Task t = provider.open(fashion)) {
            assertEquals(257, t.info().vocabSize());
            assertEquals(784, t.info().seqLength(), "784 pixel tokens, reported as such");
            int[] dst = new int[784];
            t.split(SplitName.TEST).tokens(0, 0, dst);
            assertEquals(1, dst[7], "pixel value 0 is token 1, not padding");
        }
        TaskOptions cifar = new TaskOptions(Fixtures.path(""), cache, "cifar10", 0, 0, 0, 0, 0, "auto");
        try (Task t = provider.open(cifar)) {
            assertEquals(256, t.info().vocabSize(), "CIFAR-10 keeps the official pixel = token");
        }
        assertEquals("auto", TaskOptions.defaults(cache).pixelZero());
    }

    @Test
    void readsIdxFilesWithASeededValidationCarve() {
        ImageTaskProvider provider = new ImageTaskProvider(data.resolve("nowhere"));
        try (Task t = provider.open(Fixtures.options(Fixtures.path(""), cache, "fashion-mnist"))) {
            assertEquals("fashion-mnist", t.info().dataSource());
            assertEquals(784, t.info().seqLength());
            assertEquals(9, t.split(SplitName.TRAIN).size());
            assertEquals(1, t.split(SplitName.VAL).size());
            assertEquals(4, t.split(SplitName.TEST).size());
            int[] seen = new int[10];
            int[] dst = new int[784];
            for (SplitName s : new SplitName[] {SplitName.TRAIN, SplitName.VAL}) {
                for (int i = 0; i < t.split(s).size(); i++) {
                    int label = t.split(s).label(i);
                    seen[label]++;
                    t.split(s).tokens(i, 0, dst);
                    // Fixture image k has pixel p = (16k + p) mod 256, except every 7th pixel which is 0.
                    assertEquals((16 * label + 1) % 256, dst[1]);
                    assertEquals(0, dst[7]);
                }
            }
            assertEquals(10, java.util.Arrays.stream(seen).sum());
            for (int c : seen) {
                assertEquals(1, c, "train and val together hold each training image once");
            }
        }
    }

    @Test
    void truncatedIdxAndBadMagicAreMalformed() throws IOException {
        Path dir = Fixtures.copy("fashion-mnist", data.resolve("fashion-mnist"));
        byte[] raw = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("train-images-idx3-ubyte.gz"))).readAllBytes();
        writeGz(dir.resolve("train-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(raw, 16 + 784 * 3 + 10));
        ImageTaskProvider provider = new ImageTaskProvider(data.resolve("nowhere"));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> provider.open(Fixtures.options(data, cache, "fashion-mnist")).close());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains("record 3"), e.getMessage());

        raw[3] = 1;
        writeGz(dir.resolve("train-images-idx3-ubyte.gz"), raw);
        e = assertThrows(MalformedDataException.class, () -> provider.open(Fixtures.options(data, cache, "fashion-mnist")).close());
        assertTrue(e.getMessage().contains("magic number"), e.getMessage());
    }

    @Test
    void anIdxLabelOutOfRangeIsMalformed() throws IOException {
        Path dir = Fixtures.copy("fashion-mnist", data.resolve("fashion-mnist"));
        byte[] raw = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("t10k-labels-idx1-ubyte.gz"))).readAllBytes();
        raw[8 + 2] = 10;
        writeGz(dir.resolve("t10k-labels-idx1-ubyte.gz"), raw);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new ImageTaskProvider(data.resolve("nowhere")).open(Fixtures.options(data, cache, "fashion-mnist")).close());
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("label 10"), e.getMessage());
    }

    @Test
    void withNoImageDataTheMessageNamesBothSourcesAndHowToGetThem() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> new ImageTaskProvider(data.resolve("nowhere")).open(Fixtures.options(data, cache, "auto")));
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains(data.resolve("cifar-10-batches-bin").toString()), e.getMessage());
    }

    @Test
    void aWrongSeqLengthIsRejected() {
        TaskOptions o = new TaskOptions(Fixtures.path(""), cache, "cifar10", 784, 0, 0, 0, 0, "pad");
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("image", o));
    }

    @Test
    void realFashionMnistFromTheDebianPackage() {
        assumeTrue(Files.isDirectory(ImageTaskProvider.DEBIAN_FASHION), "dataset-fashion-mnist is not installed");
        try (Task t = TaskRegistry.open("image", Fixtures.options(null, cache, "auto"))) {
            assertEquals("fashion-mnist", t.info().dataSource());
            assertEquals(54_000, t.split(SplitName.TRAIN).size());
            assertEquals(6_000, t.split(SplitName.VAL).size());
            assertEquals(10_000, t.split(SplitName.TEST).size());
            int[] h = new int[10];
            for (int i = 0; i < t.split(SplitName.TEST).size(); i++) {
                h[t.split(SplitName.TEST).label(i)]++;
            }
            for (int c : h) {
                assertEquals(1000, c, "Fashion-MNIST's test set has 1000 images per class");
            }
        }
    }

    private static void writeGz(Path file, byte[] bytes) throws IOException {
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
