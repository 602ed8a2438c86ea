package org.fmmbench.tasks.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlSplits;

/**
 * Byte-level text classification: IMDb reviews from the aclImdb folders (the paper's data; LRA evaluates on
 * the test set for both val and test), else {@link EuroparlSortedSegments} (are most segments sorted?) as a
 * stand-in that byte counts cannot solve. {@link EuroparlRepeats} (is the second passage a repeat of the first?),
 * the earlier stand-in, stays selectable by name so its recorded runs can be repeated. Tokens are UTF-8 byte + 1,
 * pad 0, vocab 257; the paper config keeps 1000 bytes padded to 1024.
 */
public final class TextTaskProvider implements TaskProvider {
    public static final String IMDB = "imdb-aclimdb";
    public static final String SORTED = "europarl-sorted-segments";
    public static final String REPEATS = "europarl-repeat";
    static final List<String> DIRS = List.of("", "aclImdb");
    static final List<String> REQUIRED = List.of("train/pos", "train/neg", "test/pos", "test/neg");

    @Override
    public String name() {
        return "text";
    }

    @Override
    public List<String> sources() {
        return List.of(IMDB, SORTED, REPEATS);
    }

    @Override
    public java.util.Optional<org.fmmbench.tasks.RealData> realData() {
        return java.util.Optional.of(new org.fmmbench.tasks.RealData(IMDB, DIRS, REQUIRED));
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Optional<Path> imdb = DataFiles.findDir(o.dataDir(), DIRS, REQUIRED);
        String source = o.source().equals("auto") ? (imdb.isPresent() ? IMDB : SORTED) : o.source();
        SequenceLength len = SequenceLength.of(o, 1000, 1024);
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        if (source.equals(IMDB)) {
            Path root = imdb.orElseThrow(() -> new MissingDataException("Text: the aclImdb folders (train/{pos,neg}, "
                    + "test/{pos,neg}) were not found; " + DataFiles.looked(o.dataDir(), DIRS) + ". Download "
                    + "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz, unpack it and pass its parent "
                    + "directory as --data-dir, or use --source " + SORTED + "."));
            Path dir = o.cacheDir().resolve("tokens/text").resolve(IMDB + "-seed" + o.seed() + "-"
                    + DataFiles.fingerprint(root.resolve("train/pos"), root.resolve("train/neg"),
                            root.resolve("test/pos"), root.resolve("test/neg")));
            caches.put(SplitName.TRAIN, CacheStore.openOrBuild(dir.resolve("train.tok"), 1, w -> AclImdbReader.read(root, "train", o.seed(), w)));
            TokenCache test = CacheStore.openOrBuild(dir.resolve("test.tok"), 1, w -> AclImdbReader.read(root, "test", o.seed(), w));
            caches.put(SplitName.VAL, test);
            caches.put(SplitName.TEST, test);
        } else if (source.equals(SORTED)) {
            int bytes = EuroparlSortedSegments.documentBytes(len.content());
            europarl(o, SORTED + "-v1-seed" + o.seed() + "-bytes" + bytes, caches,
                    (docs, seed, w) -> EuroparlSortedSegments.write(docs, bytes, seed, w));
        } else {
            int passage = EuroparlRepeats.passageBytes(len.content());
            europarl(o, REPEATS + "-v1-seed" + o.seed() + "-passage" + passage, caches,
                    (docs, seed, w) -> EuroparlRepeats.write(docs, passage, seed, w));
        }
        TaskInfo info = new TaskInfo(name(), source, 257, 2, len.padded(), 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 1);
    }

    /** How a Europarl stand-in writes one split from its documents and the split's own seed. */
    private interface SplitWriter {
        void write(List<EuroparlCorpus.Document> docs, long seed, TokenCacheWriter out) throws IOException;
    }

    /** Opens (building when absent) a Europarl stand-in's three splits, cached under {@code key}. */
    private static void europarl(TaskOptions o, String key, Map<SplitName, TokenCache> caches, SplitWriter writer) {
        Path dir = o.cacheDir().resolve("tokens/text").resolve(key);
        var splits = EuroparlSplits.lazily(o.seed(), d -> d.language() >= 0);
        for (SplitName s : SplitName.values()) {
            caches.put(s, CacheStore.openOrBuild(dir.resolve(s.label() + ".tok"), 1,
                    w -> writer.write(splits.get().get(s), o.seed() * 31 + s.ordinal(), w)));
        }
    }
}
