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
 * The retrieval stand-in: does the second part of a document continue the first? Each document of a split
 * is cut at a space at a random point between 30% and 70% of its length, and gives one pair: its first
 * part with either its own second part (label 1) or the second part of another document in the same
 * language and of about the same length (label 0). So neither language nor the lengths give the label
 * away. Half the pairs are positive; pairs come out in a seeded order.
 */
public final class EuroparlHalves {
    /** Documents shorter than this are left out so that each half has some text. */
    public static final int MIN_BYTES = 200;
    /** Candidates looked at when choosing a negative partner of similar length. */
    private static final int CANDIDATES = 8;

    private EuroparlHalves() {
    }

    public static void write(List<Document> docs, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int n = docs.size();
        int[] cut = new int[n];
        for (int i = 0; i < n; i++) {
            byte[] body = docs.get(i).body();
            cut[i] = spaceNear(body, (int) (body.length * (0.3 + 0.4 * random.nextDouble())));
        }
        List<List<Integer>> byLanguage = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int lang = docs.get(i).language();
            while (byLanguage.size() <= lang) {
                byLanguage.add(new ArrayList<>());
            }
            byLanguage.get(lang).add(i);
        }
        int[] order = Shuffle.permutation(n, random.nextLong());
        int[] partner = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            List<Integer> same = byLanguage.get(docs.get(i).language());
            if (k < n / 2) {
                partner[i] = i;
            } else if (same.size() < 2) {
                partner[i] = -1;
            } else {
                int ownSecond = docs.get(i).body().length - cut[i];
                int best = -1;
                for (int c = 0; c < CANDIDATES; c++) {
                    int j = same.get(random.nextInt(same.size()));
                    if (j != i && (best < 0 || Math.abs(docs.get(j).body().length - cut[j] - ownSecond)
                            < Math.abs(docs.get(best).body().length - cut[best] - ownSecond))) {
                        best = j;
                    }
                }
                partner[i] = best;
            }
        }
        for (int i : Shuffle.permutation(n, random.nextLong())) {
            if (partner[i] < 0) {
                continue;
            }
            byte[] a = docs.get(i).body();
            byte[] b = docs.get(partner[i]).body();
            byte[] first = Arrays.copyOfRange(a, 0, cut[i]);
            byte[] second = Arrays.copyOfRange(b, cut[partner[i]], b.length);
            out.add(partner[i] == i ? 1 : 0, new byte[][] {first, second}, new int[] {first.length, second.length});
        }
    }

    /**
     * Just after the space nearest {@code at}, so a UTF-8 character is never cut; {@code at} itself if the
     * text has no space (both parts stay non-empty because {@code at} is inside the text).
     */
    static int spaceNear(byte[] text, int at) {
        for (int d = 0; d < text.length; d++) {
            if (at + d < text.length - 1 && text[at + d] == ' ') {
                return at + d + 1;
            }
            if (at - d > 0 && text[at - d] == ' ') {
                return at - d + 1;
            }
        }
        return at;
    }
}
