package org.fmmbench.baselines.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Shared by the near- and far-field comparison tools: the largest output difference of each piece to a reference on
 * a short sequence, then thread CPU time of one forward + backward (loss sum(out * R)) per piece, rounds interleaved
 * (a slow phase of the shared machine hits every piece), inputs drawn outside the timed region, one warm-up round.
 */
final class CpuRounds {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private CpuRounds() {}

    /** Prints "# maxdiff piece value" against the piece named {@code reference}, for q, k, v of shape {@code shape}. */
    static void printDifferences(NDManager base, Shape shape, AttentionSettings settings,
            Map<String, Function<AttentionInputs, NDArray>> pieces, Function<AttentionInputs, NDArray> reference) {
        try (NDManager m = base.newSubManager()) {
            NDArray q = m.randomNormal(shape), k = m.randomNormal(shape), v = m.randomNormal(shape);
            AttentionInputs in = new AttentionInputs(q, k, v, null, settings);
            NDArray ref = reference.apply(in);
            for (var e : pieces.entrySet()) {
                System.out.println("# maxdiff " + e.getKey() + " " + ref.sub(e.getValue().apply(in)).abs().max().getFloat());
            }
        }
    }

    /** Times every piece {@code rounds} times and prints "piece,prefix,rounds,median_ms,min_ms,max_ms" per piece. */
    static void timeAndPrint(NDManager base, Shape shape, AttentionSettings settings,
            Map<String, Function<AttentionInputs, NDArray>> pieces, int rounds, String prefix) {
        Map<String, double[]> ms = new LinkedHashMap<>();
        for (String k : pieces.keySet()) {
            ms.put(k, new double[rounds]);
        }
        for (int r = -1; r < rounds; r++) {
            for (var e : pieces.entrySet()) {
                try (NDManager m = base.newSubManager()) {
                    NDArray q = m.randomNormal(shape), k = m.randomNormal(shape), v = m.randomNormal(shape);
                    NDArray up = m.randomNormal(shape);
                    q.setRequiresGradient(true);
                    k.setRequiresGradient(true);
                    v.setRequiresGradient(true);
                    long t0 = MX.getCurrentThreadCpuTime();
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        c.backward(e.getValue().apply(new AttentionInputs(q, k, v, null, settings)).mul(up).sum());
                    }
                    if (r >= 0) {
                        ms.get(e.getKey())[r] = (MX.getCurrentThreadCpuTime() - t0) / 1e6;
                    }
                }
            }
        }
        for (var e : ms.entrySet()) {
            double[] t = e.getValue().clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "%s,%s,%d,%.2f,%.2f,%.2f%n", e.getKey(), prefix, rounds, t[rounds / 2], t[0],
                    t[rounds - 1]);
        }
    }
}
