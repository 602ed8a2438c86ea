package org.fmmbench.tasks.pathfinder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downsamples a binary supersampled drawing the way the original generator's {@code imresize(..., 'lanczos')}
 * does: values 0/255, a separable Lanczos-3 filter widened by the scale factor (PIL's convention), rounded to
 * 8 bits after each pass, returned as 0..1.
 */
final class Supersampler {
    private Supersampler() {
    }

    private static final Map<Long, double[][]> WEIGHTS = new ConcurrentHashMap<>();

    static float[] downsample(boolean[] blown, int inSize, int outSize) {
        double[][] w = WEIGHTS.computeIfAbsent(((long) inSize << 32) | outSize, k -> weights(inSize, outSize));
        int[] first = starts(inSize, outSize);
        float[] horizontal = new float[inSize * outSize];
        for (int y = 0; y < inSize; y++) {
            for (int x = 0; x < outSize; x++) {
                double s = 0;
                for (int k = 0; k < w[x].length; k++) {
                    if (blown[y * inSize + first[x] + k]) {
                        s += 255 * w[x][k];
                    }
                }
                horizontal[y * outSize + x] = to8bit(s);
            }
        }
        float[] out = new float[outSize * outSize];
        for (int y = 0; y < outSize; y++) {
            for (int x = 0; x < outSize; x++) {
                double s = 0;
                for (int k = 0; k < w[y].length; k++) {
                    s += horizontal[(first[y] + k) * outSize + x] * w[y][k];
                }
                out[y * outSize + x] = to8bit(s) / 255f;
            }
        }
        return out;
    }

    private static float to8bit(double v) {
        return (float) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double scale(int in, int out) {
        return Math.max(1.0, (double) in / out);
    }

    private static int[] starts(int in, int out) {
        double scale = (double) in / out;
        double support = 3 * scale(in, out);
        int[] s = new int[out];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            s[i] = Math.max(0, (int) (center - support + 0.5));
        }
        return s;
    }

    private static double[][] weights(int in, int out) {
        double scale = (double) in / out;
        double filterScale = scale(in, out);
        double support = 3 * filterScale;
        double[][] w = new double[out][];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int min = Math.max(0, (int) (center - support + 0.5));
            int max = Math.min(in, (int) (center + support + 0.5));
            w[i] = new double[max - min];
            double sum = 0;
            for (int k = 0; k < w[i].length; k++) {
                w[i][k] = lanczos((k + min - center + 0.5) / filterScale);
                sum += w[i][k];
            }
            for (int k = 0; k < w[i].length; k++) {
                w[i][k] /= sum;
            }
        }
        return w;
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= 3) {
            return 0;
        }
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }
}
