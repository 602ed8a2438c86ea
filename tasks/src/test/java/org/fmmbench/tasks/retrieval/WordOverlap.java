package org.fmmbench.tasks.retrieval;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.fmmbench.tasks.Split;

/** The lexical baseline of a matching task: label 1 when the Jaccard overlap of the two word sets reaches a threshold. */
final class WordOverlap {
    private WordOverlap() {
    }

    /** The threshold with the best accuracy on {@code split}, tried at every observed overlap. */
    static double bestThreshold(Split split) {
        double[] overlap = new double[split.size()];
        for (int i = 0; i < overlap.length; i++) {
            overlap[i] = overlap(split, i);
        }
        double best = 0;
        double bestAccuracy = -1;
        for (double candidate : overlap) {
            int right = 0;
            for (int i = 0; i < overlap.length; i++) {
                right += (overlap[i] >= candidate ? 1 : 0) == split.label(i) ? 1 : 0;
            }
            if (right > bestAccuracy) {
                bestAccuracy = right;
                best = candidate;
            }
        }
        return best;
    }

    static double accuracy(Split split, double threshold) {
        int right = 0;
        for (int i = 0; i < split.size(); i++) {
            right += (overlap(split, i) >= threshold ? 1 : 0) == split.label(i) ? 1 : 0;
        }
        return right / (double) split.size();
    }

    private static double overlap(Split split, int index) {
        Set<String> a = words(split, index, 0);
        Set<String> b = words(split, index, 1);
        int common = 0;
        for (String w : a) {
            common += b.contains(w) ? 1 : 0;
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 0 : common / (double) union;
    }

    private static Set<String> words(Split split, int index, int doc) {
        Set<String> out = new HashSet<>();
        String text = new String(bytes(split, index, doc), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The bytes of one document of a byte-token split (token = byte + 1, padding 0 dropped). */
    static byte[] bytes(Split split, int index, int doc) {
        int[] dst = new int[4096];
        split.tokens(index, doc, dst);
        int n = 0;
        while (n < dst.length && dst[n] != 0) {
            n++;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (dst[i] - 1);
        }
        return out;
    }
}
