package org.fmmbench.baselines.lm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transformer-XL style absolute positions, as in the official LM code: for a segment of n tokens, token i
 * gets position n−1−i (the enumeration runs backwards, so the last token is always position 0), and the
 * encoding of position p is {@code [sin(p·f_0) … sin(p·f_{d/2−1}), cos(p·f_0) … cos(p·f_{d/2−1})]} with
 * {@code f_j = 10000^(−2j/d)} — sines in the first half, cosines in the second (not interleaved).
 *
 * <p>Consequence: a token's position depends on the segment's end, so sliding a window by one token changes
 * every position in it; see README "Language modelling" on why evaluation can therefore not carry state across windows.
 */
public final class SinusoidalPositions {
    private static final Map<Long, float[]> TABLES = new ConcurrentHashMap<>();

    private SinusoidalPositions() {
    }

    /** Row-major (n, d) table for a segment of {@code n} tokens; the caller must not modify it. */
    public static float[] table(int n, int d) {
        return TABLES.computeIfAbsent(((long) n << 32) | d, key -> compute(n, d));
    }

    private static float[] compute(int n, int d) {
        int half = d / 2;
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            double p = n - 1 - i;
            for (int j = 0; j < half; j++) {
                double angle = p * Math.pow(10000.0, -2.0 * j / d);
                out[i * d + j] = (float) Math.sin(angle);
                out[i * d + half + j] = (float) Math.cos(angle);
            }
        }
        return out;
    }
}
