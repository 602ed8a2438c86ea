package org.fmmbench.tasks.retrieval;

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
import org.fmmbench.tasks.europarl.EuroparlSplits;

/**
 * Document matching with two documents per example: LRA's AAN citation pairs when present, else pairs of
 * long Europarl documents ({@link EuroparlHalves}). Byte tokens (byte + 1), 4000 per document padded to 4096 in
 * the paper config.
 */
public final class RetrievalTaskProvider implements TaskProvider {
    public static final String AAN = "aan-lra-files";
    public static final String EUROPARL = "europarl-halves";
    static final List<String> DIRS = List.of("", "tsv_data", "lra_release/tsv_data", "lra_release/lra_release/tsv_data");
    static final List<String> FILES = List.of("new_aan_pairs.train.tsv", "new_aan_pairs.eval.tsv", "new_aan_pairs.test.tsv");
    private static final Map<SplitName, String> FILE_OF = Map.of(SplitName.TRAIN, FILES.get(0), SplitName.VAL, FILES.get(1),
            SplitName.TEST, FILES.get(2));

    @Override
    public String name() {
        return "retrieval";
    }

    @Override
    public List<String> sources() {
        return List.of(AAN, EUROPARL);
    }

    @Override
    public java.util.Optional<org.fmmbench.tasks.RealData> realData() {
        return java.util.Optional.of(new org.fmmbench.tasks.RealData(AAN, DIRS, FILES));
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Optional<Path> aan = DataFiles.findDir(o.dataDir(), DIRS, FILES);
        String source = o.source().equals("auto") ? (aan.isPresent() ? AAN : EUROPARL) : o.source();
        SequenceLength len = SequenceLength.of(o, 4000, 4096);
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        if (source.equals(AAN)) {
            Path dir = aan.orElseThrow(() -> new MissingDataException("Retrieval: LRA's new_aan_pairs.{train,eval,test}.tsv "
                    + "not found; " + DataFiles.looked(o.dataDir(), DIRS) + ". They are in lra_release.gz from the LRA "
                    + "repository (github.com/google-research/long-range-arena) under lra_release/tsv_data; unpack it and "
                    + "pass --data-dir, or use --source " + EUROPARL + "."));
            // Only as many bytes as can be used are cached, so the cache stays far below the raw 10 kB per text;
            // one more than that, so that a cut text is still counted as cut.
            int keep = Math.max(4000, len.content()) + 1;
            Path root = o.cacheDir().resolve("tokens/retrieval").resolve(AAN + "-bytes" + keep + "-" + DataFiles.fingerprint(
                    FILES.stream().map(dir::resolve).toArray()));
            for (SplitName s : SplitName.values()) {
                Path tsv = dir.resolve(FILE_OF.get(s));
                caches.put(s, CacheStore.openOrBuild(root.resolve(s.label() + ".tok"), 2, w -> AanTsvReader.read(tsv, keep, w)));
            }
        } else {
            // The version part changes whenever the pairing rule does, so old caches are not reused.
            Path root = o.cacheDir().resolve("tokens/retrieval").resolve(EUROPARL + "-v3-seed" + o.seed());
            var splits = EuroparlSplits.lazily(o.seed(), d -> d.language() >= 0 && d.body().length >= EuroparlHalves.MIN_BYTES);
            for (SplitName s : SplitName.values()) {
                caches.put(s, CacheStore.openOrBuild(root.resolve(s.label() + ".tok"), 2,
                        w -> EuroparlHalves.write(splits.get().get(s), o.seed() * 31 + s.ordinal(), w)));
            }
        }
        TaskInfo info = new TaskInfo(name(), source, 257, 2, len.padded(), 2, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 1);
    }
}
