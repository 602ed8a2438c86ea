package org.fmmbench.tasks.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus.Document;

/**
 * The retrieval stand-in: does the second half of a document continue the first? Each document of a split
 * gives one pair, its first half with either its own second half (label 1) or the second half of another
 * document in the same language (label 0), so language alone gives nothing away. Half the pairs are
 * positive; pairs come out in a seeded order.
 */
public final class EuroparlHalves {
    /** Documents shorter than this are left out so that each half has some text. */
    public static final int MIN_BYTES = 200;

    private EuroparlHalves() {
    }

    public static void write(List<Document> docs, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int n = docs.size();
        int[] order = Shuffle.permutation(n, random.nextLong());
        List<List<Integer>> byLanguage = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int lang = docs.get(i).language();
            while (byLanguage.size() <= lang) {
                byLanguage.add(new ArrayList<>());
            }
            byLanguage.get(lang).add(i);
        }
        int[] partner = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (k < n / 2) {
                partner[i] = i;
            } else {
                List<Integer> same = byLanguage.get(docs.get(i).language());
                if (same.size() < 2) {
                    partner[i] = -1;
                    continue;
                }
                int j;
                do {
                    j = same.get(random.nextInt(same.size()));
                } while (j == i);
                partner[i] = j;
            }
        }
        for (int i : Shuffle.permutation(n, random.nextLong())) {
            if (partner[i] < 0) {
                continue;
            }
            byte[] a = docs.get(i).body();
            byte[] b = docs.get(partner[i]).body();
            int cutA = middle(a);
            int cutB = middle(b);
            byte[] first = Arrays.copyOfRange(a, 0, cutA);
            byte[] second = Arrays.copyOfRange(b, cutB, b.length);
            out.add(partner[i] == i ? 1 : 0, new byte[][] {first, second}, new int[] {first.length, second.length});
        }
    }

    /** The space nearest the middle (so a UTF-8 character is never cut), or the middle byte if there is none. */
    static int middle(byte[] text) {
        int mid = text.length / 2;
        for (int d = 0; d < mid; d++) {
            if (text[mid + d] == ' ') {
                return mid + d + 1;
            }
            if (text[mid - d] == ' ') {
                return mid - d + 1;
            }
        }
        return mid;
    }
}
