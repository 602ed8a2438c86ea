package org.fmmbench.tasks.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus.Document;

/**
 * The Text stand-in: is the second passage of a document a verbatim repeat of its first passage? Every
 * example is two passages of (almost) equal length joined by a space: the opening of a Europarl document
 * followed either by itself (label 1) or by the opening of another document of the same language (label 0).
 *
 * <p>Why this task: both classes are made of the same kind of text in the same language, cut the same way,
 * so byte counts (and bytes at fixed positions) carry no signal: a bag-of-bytes classifier stays at chance,
 * and so must a model whose positions never see each other. The label is decided only by comparing bytes
 * about half a document apart, which is what attention is for. Semantic variants (spliced halves, swapped
 * order) were not chosen because at the {@code cpu} profile's 6,400 training examples no model learns them.
 */
public final class EuroparlRepeats {
    /** The stand-in never uses more than LRA Text's content length, so it is the same task at 1,000 and 1,024. */
    public static final int MAX_BYTES = 1000;

    private EuroparlRepeats() {
    }

    /** Bytes per passage for a document of at most {@code budget} bytes: two passages and a space. */
    public static int passageBytes(int budget) {
        return (Math.min(budget, MAX_BYTES) - 1) / 2;
    }

    /** Writes one example per document long enough for a passage, half of them repeats, in a seeded order. */
    public static void write(List<Document> docs, int passage, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> openings = new ArrayList<>();
        List<Integer> languages = new ArrayList<>();
        Map<Integer, List<Integer>> byLanguage = new HashMap<>();
        for (Document d : docs) {
            int cut = lastSpaceAtOrBefore(d.body(), passage);
            if (cut > passage / 2) {
                byLanguage.computeIfAbsent(d.language(), k -> new ArrayList<>()).add(openings.size());
                openings.add(java.util.Arrays.copyOf(d.body(), cut));
                languages.add(d.language());
            }
        }
        int n = openings.size();
        int[] order = Shuffle.permutation(n, random.nextLong());
        int[] partner = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            List<Integer> same = byLanguage.get(languages.get(i));
            int j = i;
            if (k % 2 == 1) {
                j = same.size() < 2 ? -1 : i;
                while (j == i) {
                    j = same.get(random.nextInt(same.size()));
                }
            }
            partner[i] = j;
        }
        // A second permutation, so the labels do not alternate along the file.
        for (int i : Shuffle.permutation(n, random.nextLong())) {
            int j = partner[i];
            if (j < 0) {
                continue;
            }
            byte[] first = openings.get(i);
            byte[] second = openings.get(j);
            byte[] doc = new byte[first.length + 1 + second.length];
            System.arraycopy(first, 0, doc, 0, first.length);
            doc[first.length] = ' ';
            System.arraycopy(second, 0, doc, first.length + 1, second.length);
            out.add(i == j ? 1 : 0, doc, doc.length);
        }
    }

    /** The length of the text before the last space within the first {@code max} bytes (a word is never cut). */
    static int lastSpaceAtOrBefore(byte[] text, int max) {
        if (text.length <= max) {
            return text.length;
        }
        for (int at = max; at > 0; at--) {
            if (text[at] == ' ') {
                return at;
            }
        }
        return 0;
    }
}
