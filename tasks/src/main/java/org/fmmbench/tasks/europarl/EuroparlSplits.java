package org.fmmbench.tasks.europarl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.SplitName;

/** A seeded 80/10/10 split of Europarl by document, so no document (or half of one) is in two splits. */
public final class EuroparlSplits {
    private EuroparlSplits() {
    }

    /**
     * The split of the documents that pass {@code keep}, loaded on first use only: when every cache file
     * already exists the corpus is never read.
     */
    public static Supplier<Map<SplitName, List<EuroparlCorpus.Document>>> lazily(long seed, Predicate<EuroparlCorpus.Document> keep) {
        return new Supplier<>() {
            private Map<SplitName, List<EuroparlCorpus.Document>> value;

            @Override
            public synchronized Map<SplitName, List<EuroparlCorpus.Document>> get() {
                if (value == null) {
                    value = split(EuroparlCorpus.load().stream().filter(keep).toList(), seed);
                }
                return value;
            }
        };
    }

    public static Map<SplitName, List<EuroparlCorpus.Document>> split(List<EuroparlCorpus.Document> docs, long seed) {
        int[] order = Shuffle.permutation(docs.size(), seed);
        int train = docs.size() * 8 / 10;
        int val = docs.size() / 10;
        Map<SplitName, List<EuroparlCorpus.Document>> out = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            out.put(s, new ArrayList<>());
        }
        for (int k = 0; k < order.length; k++) {
            SplitName s = k < train ? SplitName.TRAIN : k < train + val ? SplitName.VAL : SplitName.TEST;
            out.get(s).add(docs.get(order[k]));
        }
        return out;
    }
}
