package org.fmmbench.tasks.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.cache.CacheStore;
import org.fmmbench.tasks.cache.CachedTask;
import org.fmmbench.tasks.cache.TokenCache;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Image classification on pixel tokens: CIFAR-10 in LRA's grayscale (the paper's data) when present, else
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist} as a clearly named stand-in.
 *
 * <p>Pixel value 0: with {@code pixelZero=pad} tokens are the pixel values (vocab 256), so black pixels are
 * padding to the model, exactly as in LRA and the FMMformer code; {@code shift} makes tokens pixel + 1
 * (vocab 257) so no pixel is masked; {@code auto} (the profiles' setting) pads on CIFAR-10, whose grayscale
 * pixels are almost never 0, and shifts on Fashion-MNIST, where about half of all pixels are 0.
 */
public final class ImageTaskProvider implements TaskProvider {
    public static final String CIFAR = "cifar10";
    public static final String FASHION = "fashion-mnist";
    static final List<String> CIFAR_DIRS = List.of("", "cifar-10-batches-bin", "cifar10/cifar-10-batches-bin");
    static final List<String> CIFAR_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");
    public static final Path DEBIAN_FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> FASHION_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private final Path fashionDefault;

    public ImageTaskProvider() {
        this(DEBIAN_FASHION);
    }

    /** For tests: where the Debian package would be. */
    ImageTaskProvider(Path fashionDefault) {
        this.fashionDefault = fashionDefault;
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public List<String> sources() {
        return List.of(CIFAR, FASHION);
    }

    @Override
    public java.util.Optional<org.fmmbench.tasks.RealData> realData() {
        return java.util.Optional.of(new org.fmmbench.tasks.RealData(CIFAR, CIFAR_DIRS, CIFAR_FILES));
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Optional<Path> cifar = DataFiles.findDir(o.dataDir(), CIFAR_DIRS, CIFAR_FILES);
        Optional<Path> fashion = DataFiles.findDir(o.dataDir(), List.of("fashion-mnist"), FASHION_FILES)
                .or(() -> DataFiles.findDir(fashionDefault, List.of(""), FASHION_FILES));
        String source = o.source();
        if (source.equals("auto")) {
            source = cifar.isPresent() ? CIFAR : fashion.isPresent() ? FASHION : null;
            if (source == null) {
                throw new MissingDataException("image: neither CIFAR-10 nor Fashion-MNIST found. CIFAR-10: "
                        + cifarHelp(o) + " Fashion-MNIST: " + fashionHelp(o));
            }
        }
        // auto: Fashion-MNIST's black background is half of all pixels; as padding it would hide the shapes' outline.
        boolean shift = o.pixelZero().equals("shift") || (o.pixelZero().equals("auto") && source.equals(FASHION));
        int pixels = source.equals(CIFAR) ? CifarReader.PIXELS : 784;
        if (o.seqLength() != 0 && o.seqLength() != pixels) {
            throw new IllegalArgumentException("image (" + source + ") has " + pixels
                    + " pixel tokens per image; seqLength must be 0 or " + pixels + ", got " + o.seqLength());
        }
        Map<SplitName, TokenCache> caches = source.equals(CIFAR)
                ? cifarCaches(cifar.orElseThrow(() -> new MissingDataException("image: CIFAR-10 not found. " + cifarHelp(o))), o)
                : fashionCaches(fashion.orElseThrow(() -> new MissingDataException("image: Fashion-MNIST not found. " + fashionHelp(o))), o);
        TaskInfo info = new TaskInfo(name(), source, shift ? 257 : 256, 10, pixels, 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), pixels, shift ? 1 : 0);
    }

    private static String cifarHelp(TaskOptions o) {
        return "expected data_batch_1..5.bin and test_batch.bin (" + DataFiles.looked(o.dataDir(), CIFAR_DIRS)
                + "); download the binary version from https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz, unpack it "
                + "and pass its parent directory as --data-dir.";
    }

    private String fashionHelp(TaskOptions o) {
        return "expected " + String.join(", ", FASHION_FILES) + " in " + fashionDefault
                + (o.dataDir() == null ? "" : " or " + o.dataDir().resolve("fashion-mnist"))
                + "; install them with 'apt-get install dataset-fashion-mnist' (Debian/Ubuntu).";
    }

    private static Map<SplitName, TokenCache> cifarCaches(Path dir, TaskOptions o) {
        Path root = o.cacheDir().resolve("tokens/image").resolve(CIFAR + "-" + DataFiles.fingerprint(
                CIFAR_FILES.stream().map(dir::resolve).toArray()));
        // LRA's split: the first 90% of the training batches train (45k), the rest validate (5k).
        int trainRecords = 0;
        try {
            for (int b = 1; b <= 5; b++) {
                trainRecords += CifarReader.records(dir.resolve("data_batch_" + b + ".bin"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int train = trainRecords * 9 / 10;
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        caches.put(SplitName.TRAIN, CacheStore.openOrBuild(root.resolve("train.tok"), 1, w -> trainBatches(dir, 0, train, w)));
        caches.put(SplitName.VAL, CacheStore.openOrBuild(root.resolve("val.tok"), 1, w -> trainBatches(dir, train, Integer.MAX_VALUE, w)));
        caches.put(SplitName.TEST, CacheStore.openOrBuild(root.resolve("test.tok"), 1,
                w -> CifarReader.read(dir.resolve("test_batch.bin"), 0, Integer.MAX_VALUE, w)));
        return caches;
    }

    /** Examples {@code [from, to)} of the five training batches taken as one sequence. */
    private static void trainBatches(Path dir, int from, int to, TokenCacheWriter w) throws IOException {
        int start = 0;
        for (int b = 1; b <= 5; b++) {
            Path file = dir.resolve("data_batch_" + b + ".bin");
            int n = CifarReader.records(file);
            if (start + n > from && start < to) {
                CifarReader.read(file, Math.max(0, from - start), Math.min(n, to - start), w);
            }
            start += n;
        }
    }

    private static Map<SplitName, TokenCache> fashionCaches(Path dir, TaskOptions o) {
        Path root = o.cacheDir().resolve("tokens/image").resolve(FASHION + "-seed" + o.seed() + "-" + DataFiles.fingerprint(
                FASHION_FILES.stream().map(dir::resolve).toArray()));
        Path trainImages = dir.resolve(FASHION_FILES.get(0));
        Path trainLabels = dir.resolve(FASHION_FILES.get(1));
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        // Fashion-MNIST has no validation set: a seeded 10% of its training set (6k) becomes one, as for CIFAR.
        caches.put(SplitName.TRAIN, CacheStore.openOrBuild(root.resolve("train.tok"), 1,
                w -> writeIdx(trainImages, trainLabels, o.seed(), true, false, w)));
        caches.put(SplitName.VAL, CacheStore.openOrBuild(root.resolve("val.tok"), 1,
                w -> writeIdx(trainImages, trainLabels, o.seed(), false, true, w)));
        caches.put(SplitName.TEST, CacheStore.openOrBuild(root.resolve("test.tok"), 1,
                w -> writeIdx(dir.resolve(FASHION_FILES.get(2)), dir.resolve(FASHION_FILES.get(3)), o.seed(), true, true, w)));
        return caches;
    }

    /**
     * Writes the images of an IDX pair in a seeded order, so that the first examples of any split are a random
     * sample: the first 90% of that order ({@code head}), the last 10% ({@code tail}), or both.
     */
    private static void writeIdx(Path images, Path labels, long seed, boolean head, boolean tail, TokenCacheWriter w)
            throws IOException {
        byte[][] x = IdxReader.images(images);
        byte[] y = IdxReader.labels(labels, 10);
        if (x.length != y.length) {
            throw new MalformedDataException(labels, "header", y.length + " labels for " + x.length + " images in " + images.getFileName());
        }
        int[] order = Shuffle.permutation(x.length, seed);
        int cut = x.length - x.length / 10;
        int start = head ? 0 : cut;
        int end = tail ? x.length : cut;
        for (int k = start; k < end; k++) {
            int i = order[k];
            w.add(y[i], x[i], x[i].length);
        }
    }
}
