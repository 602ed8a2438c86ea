package org.fmmbench.tasks.known;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * A learning check with a known answer, shaped like ListOps: ten classes, a small vocabulary, documents of
 * random length (half to all of the content length) padded with 0. The label is the first token (one of ten
 * label symbols); every other token is noise drawn from ten other symbols. A model trained correctly reaches
 * 100%; a harness that cannot carry one token's information to the mean-pooled output stays at 10%.
 *
 * <p>Why this shape: mean pooling divides by the padded length, so without attention the first token is
 * 1/N of the pooled vector; attention (by content: the only label symbol, or by position: position 0)
 * copies it to every position. The {@code none} row therefore measures how far pooling alone gets.
 */
public final class FirstTokenTaskProvider implements TaskProvider {
    public static final String GENERATED = "first-token-generated";
    /** Symbols 1..10 are the labels, 11..20 the noise, 0 the padding. */
    static final int CLASSES = 10;
    static final int VOCAB = 1 + 2 * CLASSES;
    static final int DEFAULT_TRAIN = 20_000;
    static final int HELD_OUT = 1_000;

    @Override
    public String name() {
        return "first-token";
    }

    @Override
    public List<String> sources() {
        return List.of(GENERATED);
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        SequenceLength len = SequenceLength.of(o, 1000, 1024);
        int train = o.maxTrain() > 0 ? o.maxTrain() : DEFAULT_TRAIN;
        Path dir = o.cacheDir().resolve("tokens/first-token")
                .resolve("v1-seed" + o.seed() + "-len" + len.content() + "-train" + train);
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            int count = s == SplitName.TRAIN ? train : HELD_OUT;
            // Each split has its own stream, so val and test do not depend on the training cap.
            long seed = o.seed() * 1_000_003L + s.ordinal();
            caches.put(s, CacheStore.openOrBuild(dir.resolve(s.label() + ".tok"), 1,
                    w -> write(count, len.content(), seed, w)));
        }
        TaskInfo info = new TaskInfo(name(), GENERATED, VOCAB, CLASSES, len.padded(), 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 0);
    }

    /** Writes {@code count} examples of length in [content/2, content], labels uniform over the ten classes. */
    static void write(int count, int content, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] doc = new byte[content];
        int shortest = Math.max(1, content / 2);
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(CLASSES);
            int length = random.nextInt(shortest, content + 1);
            doc[0] = (byte) (1 + label);
            for (int t = 1; t < length; t++) {
                doc[t] = (byte) (1 + CLASSES + random.nextInt(CLASSES));
            }
            out.add(label, doc, length);
        }
    }
}
