package org.fmmbench.tasks.pathfinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.cache.CacheStore;
import org.fmmbench.tasks.cache.CachedSplit;
import org.fmmbench.tasks.cache.CachedTask;
import org.fmmbench.tasks.cache.TokenCache;

/**
 * Pathfinder-32, contour length 14 (the paper's set): LRA's images when present, else images generated with
 * the same algorithm into the cache. All images are split 80/10/10 by a seeded permutation, as the PyTorch
 * LRA code (NYS/XF) and FMMformer do. Pixel tokens as for the image task (see {@code pixelZero}).
 */
public final class PathfinderTaskProvider implements TaskProvider {
    public static final String LRA_FILES = "pathfinder-lra-files";
    public static final String GENERATED = "pathfinder-generated";
    static final String DIFFICULTY = "curv_contour_length_14";
    static final List<String> DIRS = List.of("", DIFFICULTY, "pathfinder32/" + DIFFICULTY,
            "lra_release/pathfinder32/" + DIFFICULTY, "lra_release/lra_release/pathfinder32/" + DIFFICULTY);
    /** LRA's size: 200k images per difficulty. */
    static final int PAPER_IMAGES = 200_000;

    @Override
    public String name() {
        return "pathfinder";
    }

    @Override
    public List<String> sources() {
        return List.of(LRA_FILES, GENERATED);
    }

    @Override
    public java.util.Optional<org.fmmbench.tasks.RealData> realData() {
        return java.util.Optional.of(new org.fmmbench.tasks.RealData(LRA_FILES, DIRS, List.of("metadata", "imgs")));
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Optional<Path> real = DataFiles.findDir(o.dataDir(), DIRS, List.of("metadata", "imgs"));
        String source = o.source().equals("auto") ? (real.isPresent() ? LRA_FILES : GENERATED) : o.source();
        if (o.seqLength() != 0 && o.seqLength() != 1024) {
            throw new IllegalArgumentException("pathfinder images are 32x32 = 1024 tokens; seqLength must be 0 or 1024, got "
                    + o.seqLength());
        }
        Path dir;
        int batches;
        String key;
        if (source.equals(LRA_FILES)) {
            dir = real.orElseThrow(() -> new MissingDataException("Pathfinder: LRA's pathfinder32/" + DIFFICULTY
                    + " (metadata/ and imgs/) not found; " + DataFiles.looked(o.dataDir(), DIRS) + ". Get lra_release.gz "
                    + "from the LRA repository (github.com/google-research/long-range-arena), unpack it and pass --data-dir, "
                    + "or use --source " + GENERATED + "."));
            batches = 0;
            if (Files.exists(dir.resolve(DataFiles.GENERATED_MARKER))) {
                source = GENERATED;
            }
            key = source + "-" + DataFiles.fingerprint(dir.resolve("metadata"), listing(dir.resolve("metadata")));
        } else {
            batches = generatedBatches(o);
            dir = o.cacheDir().resolve("pathfinder-generated").resolve("pathfinder32-" + DIFFICULTY + "-seed" + o.seed());
            PathfinderDatasetWriter.ensure(dir, PathfinderParams.pathfinder32(14), o.seed(), batches,
                    Runtime.getRuntime().availableProcessors());
            key = GENERATED + "-seed" + o.seed() + "-" + batches;
        }
        Path cacheFile = o.cacheDir().resolve("tokens/pathfinder").resolve(key).resolve("all.tok");
        Path finalDir = dir;
        int finalBatches = batches;
        TokenCache all = CacheStore.openOrBuild(cacheFile, 1, w -> {
            PathfinderReader.Result r = PathfinderReader.read(finalDir, PathfinderReader.metadataFiles(finalDir, finalBatches), w);
            Files.write(skippedFile(cacheFile), r.skipped().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            if (!r.skipped().isEmpty()) {
                System.getLogger(PathfinderTaskProvider.class.getName()).log(System.Logger.Level.WARNING, "Pathfinder: skipped "
                        + r.skipped().size() + " empty image(s) of " + (r.images() + r.skipped().size()) + "; listed in "
                        + skippedFile(cacheFile));
            }
        });
        int[] order = Shuffle.permutation(all.size(), o.seed());
        int train = all.size() * 8 / 10;
        int val = all.size() / 10;
        int[][] rows = {Arrays.copyOfRange(order, 0, train), Arrays.copyOfRange(order, train, train + val),
            Arrays.copyOfRange(order, train + val, order.length)};
        boolean shift = o.pixelZero().equals("shift");
        int[] caps = {o.maxTrain(), o.maxVal(), o.maxTest()};
        Map<SplitName, CachedSplit> splits = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            splits.put(s, new CachedSplit(all, rows[s.ordinal()], caps[s.ordinal()], 1024, shift ? 1 : 0));
        }
        TaskInfo info = new TaskInfo(name(), source, shift ? 257 : 256, 2, 1024, 1, 0);
        return new CachedTask(info, splits, List.of(all));
    }

    /** The empty images skipped when the cache was built (one path per line); see {@link PathfinderReader}. */
    public static Path skippedFile(Path cacheFile) {
        return cacheFile.resolveSibling("skipped-images.txt");
    }

    /** Whole batches covering LRA's 200k images, or just enough for the requested split caps. */
    static int generatedBatches(TaskOptions o) {
        long images = PAPER_IMAGES;
        if (o.maxTrain() > 0 && o.maxVal() > 0 && o.maxTest() > 0) {
            images = Math.max((long) Math.ceil(o.maxTrain() / 0.8), Math.max(10L * o.maxVal(), 10L * o.maxTest()));
        }
        return (int) ((images + PathfinderDatasetWriter.BATCH - 1) / PathfinderDatasetWriter.BATCH);
    }

    private static String listing(Path metadataDir) {
        try (var s = Files.list(metadataDir)) {
            return String.join(",", s.map(p -> {
                try {
                    return p.getFileName() + ":" + Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
