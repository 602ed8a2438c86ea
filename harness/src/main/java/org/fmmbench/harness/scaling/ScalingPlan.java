package org.fmmbench.harness.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.bench.LraTaskShape;

/**
 * Everything one {@code scaling} run measures and how.
 *
 * @param reportsDir where the latest charts and targets are copied, or {@code null} for nowhere
 * @param modelTasks LRA tasks whose training step is timed per variant (empty: none)
 * @param modelBatch batch size of those training steps
 * @param time the time per operation the roofline and the targets read
 */
public record ScalingPlan(List<VariantSpec> variants, List<Integer> ns, int batch, List<HeadLayout> layouts,
        List<Boolean> causal, List<BenchMode> modes, int threads, JmhSettings jmh, MemoryBudget budget,
        String runId, Path runDir, Path reportsDir, boolean verbose, List<LraTaskShape> modelTasks, int modelBatch,
        TimeBasis time) {

    /** N from {@code min} doubling while it stays <= {@code max}. */
    public static List<Integer> doubling(int min, int max) {
        if (min < 2 || max < min) {
            throw new IllegalArgumentException("Need 2 <= --n-min <= --n-max, got " + min + " and " + max + ".");
        }
        List<Integer> ns = new ArrayList<>();
        for (long n = min; n <= max; n *= 2) {
            ns.add((int) n);
        }
        return ns;
    }

    /**
     * The cells in the order they run: per layout and causality, N ascending, and at each N the variants one
     * after another, so that slow phases of a shared machine spread over all variants rather than one.
     */
    public List<ScalingCell> cells() {
        List<ScalingCell> cells = new ArrayList<>();
        for (HeadLayout layout : layouts) {
            for (boolean c : causal) {
                for (int n : ns) {
                    for (BenchMode mode : modes) {
                        for (VariantSpec v : variants) {
                            cells.add(new ScalingCell(v, n, batch, layout, c, mode));
                        }
                    }
                }
            }
        }
        return cells;
    }

    public Path csvFile() {
        return runDir.resolve(ScalingCsv.FILE_NAME);
    }
}
