package org.fmmbench.tasks.listops;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmmbench.tasks.AtomicDirectory;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.SequenceLength;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.cache.CacheStore;
import org.fmmbench.tasks.cache.CachedTask;
import org.fmmbench.tasks.cache.TokenCache;

/**
 * ListOps: LRA's files when present, else data generated with LRA's algorithm into the cache. The label depends on
 * the whole expression, so nothing is ever cut silently: generated data keeps to a length window that fits the
 * content length (named in the data source, e.g. {@code listops-generated-len250-1000}), and files with longer
 * expressions are refused unless {@code truncate} allows cutting them.
 */
public final class ListOpsTaskProvider implements TaskProvider {
    public static final String LRA_FILES = "listops-lra-files";
    public static final String GENERATED = "listops-generated";
    static final List<String> DIRS = List.of("", "listops-1000", "lra_release/listops-1000",
            "lra_release/lra_release/listops-1000");
    static final List<String> FILES = List.of("basic_train.tsv", "basic_val.tsv", "basic_test.tsv");
    /** LRA's size of the generated val and test splits. */
    static final int HELD_OUT = 2_000;
    private static final Map<SplitName, String> FILE_OF = Map.of(
            SplitName.TRAIN, "basic_train.tsv", SplitName.VAL, "basic_val.tsv", SplitName.TEST, "basic_test.tsv");

    @Override
    public String name() {
        return "listops";
    }

    @Override
    public List<String> sources() {
        return List.of(LRA_FILES, GENERATED);
    }

    @Override
    public java.util.Optional<org.fmmbench.tasks.RealData> realData() {
        return java.util.Optional.of(new org.fmmbench.tasks.RealData(LRA_FILES, DIRS, FILES));
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Optional<Path> real = DataFiles.findDir(o.dataDir(), DIRS, FILES);
        String source = o.source().equals("auto") ? (real.isPresent() ? LRA_FILES : GENERATED) : o.source();
        SequenceLength len = SequenceLength.of(o, ListOpsTsvReader.MAX_TOKENS, 2048);
        ListOpsGenerator.Config window = ListOpsGenerator.Config.fitting(len.content());
        Path dir;
        if (source.equals(LRA_FILES)) {
            dir = real.orElseThrow(() -> new MissingDataException("ListOps: LRA's basic_{train,val,test}.tsv not found; "
                    + DataFiles.looked(o.dataDir(), DIRS) + ". Get lra_release.gz from the LRA repository "
                    + "(github.com/google-research/long-range-arena), unpack it and pass --data-dir, "
                    + "or use --source " + GENERATED + "."));
            if (java.nio.file.Files.exists(dir.resolve(DataFiles.GENERATED_MARKER))) {
                source = GENERATED;
            }
        } else {
            dir = generated(o, window);
            source = GENERATED + "-" + window.window();
        }
        String key = source + "-" + DataFiles.fingerprint(dir.resolve(FILES.get(0)), dir.resolve(FILES.get(1)),
                dir.resolve(FILES.get(2)));
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            Path file = o.cacheDir().resolve("tokens/listops").resolve(key).resolve(s.label() + ".tok");
            Path tsv = dir.resolve(FILE_OF.get(s));
            caches.put(s, CacheStore.openOrBuild(file, 1, w -> ListOpsTsvReader.read(tsv, w)));
        }
        int longest = longest(caches.values());
        if (longest > len.content() && !o.truncate()) {
            caches.values().forEach(TokenCache::close);
            throw new IllegalArgumentException("ListOps: " + dir + " holds expressions of up to " + longest
                    + " tokens, more than the " + len.content() + " kept per example; a cut expression no longer "
                    + "determines its label. Set data.seqLength to at least " + longest + " (the paper's is 2048), "
                    + "or data.truncate: true to cut them anyway.");
        }
        TaskInfo info = new TaskInfo(name(), source, ListOpsVocabulary.SIZE, 10, len.padded(), 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 0);
    }

    private static int longest(java.util.Collection<TokenCache> caches) {
        int longest = 0;
        for (TokenCache c : caches) {
            for (int i = 0; i < c.size(); i++) {
                longest = Math.max(longest, c.length(i, 0));
            }
        }
        return longest;
    }

    /**
     * Generated files live under the cache, one directory per seed, length window and training-set size. Val and
     * test are always LRA's 2,000 each, drawn before train, so every profile at one length scores on the same
     * test set; caps above 2,000 on them have no effect.
     */
    static Path generated(TaskOptions o, ListOpsGenerator.Config window) {
        int train = o.maxTrain() > 0 ? o.maxTrain() : 96_000;
        Path dir = o.cacheDir().resolve("listops-generated")
                .resolve("v2-seed" + o.seed() + "-" + window.window() + "-train" + train);
        return AtomicDirectory.ensure(dir, tmp -> ListOpsGenerator.writeDataset(tmp, window, o.seed(), train,
                HELD_OUT, HELD_OUT));
    }
}
