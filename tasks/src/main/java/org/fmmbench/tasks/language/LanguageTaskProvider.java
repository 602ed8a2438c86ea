package org.fmmbench.tasks.language;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.SequenceLength;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.cache.CacheStore;
import org.fmmbench.tasks.cache.CachedTask;
import org.fmmbench.tasks.cache.TokenCache;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlLanguage;
import org.fmmbench.tasks.europarl.EuroparlSplits;

/**
 * Language identification: Europarl documents labelled with their language (21 classes). Byte frequencies
 * solve it (a bag-of-bytes classifier scores over 99%), so it is a sanity task of its own, never a stand-in
 * for LRA Text. Tokens are UTF-8 byte + 1, pad 0; 1000 bytes padded to 1024 by default.
 */
public final class LanguageTaskProvider implements TaskProvider {
    public static final String EUROPARL = "europarl-languages";

    @Override
    public String name() {
        return "language";
    }

    @Override
    public List<String> sources() {
        return List.of(EUROPARL);
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        Path dir = o.cacheDir().resolve("tokens/text").resolve(EUROPARL + "-seed" + o.seed());
        var splits = EuroparlSplits.lazily(o.seed(), d -> d.language() >= 0 && d.body().length > 0);
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            caches.put(s, CacheStore.openOrBuild(dir.resolve(s.label() + ".tok"), 1, w -> {
                for (EuroparlCorpus.Document d : splits.get().get(s)) {
                    w.add(d.language(), d.body(), d.body().length);
                }
            }));
        }
        SequenceLength len = SequenceLength.of(o, 1000, 1024);
        TaskInfo info = new TaskInfo(name(), EUROPARL, 257, EuroparlLanguage.CODES.size(), len.padded(), 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 1);
    }
}
