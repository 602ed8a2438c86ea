package org.fmmbench.tasks.known;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.fmmbench.tasks.SequenceLength;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.cache.CacheStore;
import org.fmmbench.tasks.cache.CachedTask;
import org.fmmbench.tasks.cache.TokenCache;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Generated learning checks with a known answer, shaped like ListOps: ten classes, symbols 1..10 are the
 * labels, 11..20 noise, 0 padding, documents of random length (half to all of the content length, so masking
 * and pooling over padding are exercised), labels uniform. Val and test (1,000 each) come from their own
 * seeded streams, so they do not depend on the training cap.
 */
final class KnownAnswerData {
    static final int CLASSES = 10;
    static final int VOCAB = 1 + 2 * CLASSES;
    static final int DEFAULT_TRAIN = 20_000;
    static final int HELD_OUT = 1_000;
    /** Probability that a majority document's token is its label symbol instead of a uniform draw. */
    static final double MAJORITY_SHARE = 0.3;

    /** How a document and its label are drawn, and the task that uses the rule. */
    enum Rule {
        /**
         * The label is the first token; every other token is noise. Mean pooling divides by the padded length,
         * so without attention the first token is 1/N of the pooled vector; an attention row must copy it to
         * many positions, as ListOps must carry its operators' results across the sequence.
         */
        FIRST_TOKEN("first-token"),
        /**
         * Every token is a label symbol; the label is the strictly most frequent one. The answer is in the mean
         * of the token embeddings, so every row, the attention-free {@code none} included, should reach ~100%:
         * one that does not shows a defect in the trainer, masking or pooling rather than in attention.
         */
        MAJORITY("majority");

        private final String task;

        Rule(String task) {
            this.task = task;
        }

        String task() {
            return task;
        }

        String source() {
            return task + "-generated";
        }
    }

    private KnownAnswerData() {
    }

    static Task open(Rule rule, TaskOptions o) {
        SequenceLength len = SequenceLength.of(o, 1000, 1024);
        int train = o.maxTrain() > 0 ? o.maxTrain() : DEFAULT_TRAIN;
        Path dir = o.cacheDir().resolve("tokens").resolve(rule.task())
                .resolve("v1-seed" + o.seed() + "-len" + len.content() + "-train" + train);
        Map<SplitName, TokenCache> caches = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            int count = s == SplitName.TRAIN ? train : HELD_OUT;
            long seed = o.seed() * 1_000_003L + s.ordinal();
            caches.put(s, CacheStore.openOrBuild(dir.resolve(s.label() + ".tok"), 1,
                    w -> write(rule, count, len.content(), seed, w)));
        }
        TaskInfo info = new TaskInfo(rule.task(), rule.source(), VOCAB, CLASSES, len.padded(), 1, 0);
        return new CachedTask(info, caches, Map.of(SplitName.TRAIN, o.maxTrain(), SplitName.VAL, o.maxVal(),
                SplitName.TEST, o.maxTest()), len.content(), 0);
    }

    /** Writes {@code count} examples of length in [content/2, content]. */
    static void write(Rule rule, int count, int content, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] doc = new byte[content];
        int shortest = Math.max(1, content / 2);
        int written = 0;
        while (written < count) {
            int label = random.nextInt(CLASSES);
            int length = random.nextInt(shortest, content + 1);
            if (rule == Rule.FIRST_TOKEN) {
                doc[0] = (byte) (1 + label);
                for (int t = 1; t < length; t++) {
                    doc[t] = (byte) (1 + CLASSES + random.nextInt(CLASSES));
                }
            } else {
                int[] counts = new int[CLASSES];
                for (int t = 0; t < length; t++) {
                    int symbol = random.nextDouble() < MAJORITY_SHARE ? label : random.nextInt(CLASSES);
                    counts[symbol]++;
                    doc[t] = (byte) (1 + symbol);
                }
                if (!isStrictMaximum(counts, label)) {
                    continue; // the label must be the answer exactly: redraw the rare document where it is not
                }
            }
            out.add(label, doc, length);
            written++;
        }
    }

    private static boolean isStrictMaximum(int[] counts, int label) {
        for (int c = 0; c < counts.length; c++) {
            if (c != label && counts[c] >= counts[label]) {
                return false;
            }
        }
        return true;
    }
}
