package org.fmmbench.baselines.lm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sinusoidal position encodings. The encoding of position p is
 * {@code [sin(p·f_0) … sin(p·f_{d/2−1}), cos(p·f_0) … cos(p·f_{d/2−1})]} with {@code f_j = 10000^(−2j/d)} —
 * sines in the first half, cosines in the second (not interleaved), as in the official LM code.
 *
 * <p>The paper's positions ({@link #table}, {@link PositionScheme#WINDOW}) are Transformer-XL's: for a segment of
 * n tokens, token i gets position n−1−i (the enumeration runs backwards, so the last token is always position 0).
 * A token's position then depends on the segment's end, so sliding a window by one token changes every position
 * in it; see README "Language modelling". {@link #streamTable} numbers tokens by their index in the stream
 * instead ({@link PositionScheme#STREAM}).
 */
public final class SinusoidalPositions {
    private static final Map<Long, float[]> TABLES = new ConcurrentHashMap<>();

    private SinusoidalPositions() {
    }

    /** Row-major (n, d) table of the paper's positions for a segment of {@code n} tokens; do not modify it. */
    public static float[] table(int n, int d) {
        return TABLES.computeIfAbsent(((long) n << 32) | d, key -> compute(n, d));
    }

    /**
     * Row-major (B, n, d) table of stream positions: token i of row b is at position {@code firstPositions[b] + i}.
     */
    public static float[] streamTable(long[] firstPositions, int n, int d) {
        float[] out = new float[firstPositions.length * n * d];
        for (int b = 0; b < firstPositions.length; b++) {
            for (int i = 0; i < n; i++) {
                encode(firstPositions[b] + i, d, out, (b * n + i) * d);
            }
        }
        return out;
    }

    private static float[] compute(int n, int d) {
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            encode(n - 1 - i, d, out, i * d);
        }
        return out;
    }

    /** Angles in double, so that positions far into a long stream keep their precision. */
    private static void encode(long position, int d, float[] out, int offset) {
        int half = d / 2;
        for (int j = 0; j < half; j++) {
            double angle = position * Math.pow(10000.0, -2.0 * j / d);
            out[offset + j] = (float) Math.sin(angle);
            out[offset + half + j] = (float) Math.cos(angle);
        }
    }
}
