package org.fmmbench.tasks.retrieval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus.Document;

/**
 * The retrieval stand-in: does the second document continue the first? Europarl lines (about 1,000 bytes each)
 * are cut at a space between 30% and 70% of their length. Lines of one language are taken in groups until their
 * first parts reach {@link #TARGET_BYTES}; the first document of an example is the group's first parts, joined by
 * spaces, and the second is either the same lines' second parts in the same order (label 1) or the second parts
 * of another group of the same language whose length is closest among a few candidates (label 0). So documents
 * have LRA-like lengths (median above 3,000 bytes, most within the 4,000 kept), and neither language nor length
 * tells the label. Each split is grouped {@link #PASSES} times with different shuffles; a line never leaves its split.
 */
public final class EuroparlHalves {
    /** Lines shorter than this are left out so that each part has some text. */
    public static final int MIN_BYTES = 200;
    /** A document is closed once its parts reach this many bytes. */
    public static final int TARGET_BYTES = 3_400;
    /** Groupings per split: more examples from the same lines, each pairing different. */
    static final int PASSES = 4;
    /** Candidates looked at when choosing a negative partner of similar length. */
    private static final int CANDIDATES = 8;

    private EuroparlHalves() {
    }

    private record Group(int language, byte[] first, byte[] second) {
    }

    public static void write(List<Document> docs, long seed, TokenCacheWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Group> groups = new ArrayList<>();
        for (int pass = 0; pass < PASSES; pass++) {
            groups.addAll(group(docs, random));
        }
        TreeMap<Integer, List<Integer>> byLanguage = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            byLanguage.computeIfAbsent(groups.get(g).language(), k -> new ArrayList<>()).add(g);
        }
        int n = groups.size();
        int[] order = Shuffle.permutation(n, random.nextLong());
        int[] partner = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            List<Integer> same = byLanguage.get(groups.get(i).language());
            if (k % 2 == 0) {
                partner[i] = i;
            } else if (same.size() < 2) {
                partner[i] = -1;
            } else {
                int own = groups.get(i).second().length;
                int best = -1;
                for (int c = 0; c < CANDIDATES; c++) {
                    int j = same.get(random.nextInt(same.size()));
                    if (j != i && (best < 0 || Math.abs(groups.get(j).second().length - own)
                            < Math.abs(groups.get(best).second().length - own))) {
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
            byte[] first = groups.get(i).first();
            byte[] second = groups.get(partner[i]).second();
            out.add(partner[i] == i ? 1 : 0, new byte[][] {first, second}, new int[] {first.length, second.length});
        }
    }

    /** One grouping: lines of each language in a seeded order, cut, and gathered until the first parts are long. */
    private static List<Group> group(List<Document> docs, SplittableRandom random) {
        TreeMap<Integer, List<Document>> byLanguage = new TreeMap<>();
        for (int i : Shuffle.permutation(docs.size(), random.nextLong())) {
            byLanguage.computeIfAbsent(docs.get(i).language(), k -> new ArrayList<>()).add(docs.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (var e : byLanguage.entrySet()) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            for (Document d : e.getValue()) {
                byte[] body = d.body();
                int cut = spaceNear(body, (int) (body.length * (0.3 + 0.4 * random.nextDouble())));
                append(first, body, 0, cut);
                append(second, body, cut, body.length);
                if (first.size() >= TARGET_BYTES) {
                    groups.add(new Group(e.getKey(), first.toByteArray(), second.toByteArray()));
                    first.reset();
                    second.reset();
                }
            }
        }
        return groups;
    }

    private static void append(ByteArrayOutputStream out, byte[] text, int from, int to) {
        if (out.size() > 0) {
            out.write(' ');
        }
        int end = to;
        while (end > from && text[end - 1] == ' ') {
            end--;
        }
        out.write(text, from, end - from);
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
