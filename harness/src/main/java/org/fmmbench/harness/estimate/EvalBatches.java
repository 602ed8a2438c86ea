package org.fmmbench.harness.estimate;

import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.train.Workloads;

/** How many evaluation forward passes (of {@code examplesPerPass} examples) a cell runs, from its schedule. */
final class EvalBatches {
    private static final Workloads WORKLOADS = Workloads.load();

    private EvalBatches() {
    }

    /**
     * Validation after every {@code evalEvery} steps and after the last; then a classifier scores the test split
     * twice (best and last parameters); a workload that evaluates in windows (language modelling) scores it once
     * (best), in sliding windows of half the context unless {@code evalStride} says otherwise.
     */
    static long of(CellConfig c) {
        TrainConfig t = c.train();
        long evaluations = (t.steps() + t.evalEvery() - 1) / t.evalEvery();
        int pass = t.examplesPerPass();
        if (WORKLOADS.findOrClassification(c.task()).evaluatesInWindows()) {
            int context = c.data().seqLength();
            int stride = t.evalStride() == 0 ? Math.max(1, context / 2) : t.evalStride();
            return evaluations * windowBatches(capped(c.data().maxVal(), "maxVal", c), context, stride, pass)
                    + windowBatches(capped(c.data().maxTest(), "maxTest", c), context, stride, pass);
        }
        long val = t.evalBatches() > 0 ? t.evalBatches() : ceil(capped(c.data().maxVal(), "maxVal", c), t.batchSize());
        long test = t.testBatches() > 0 ? t.testBatches() : ceil(capped(c.data().maxTest(), "maxTest", c),
                t.batchSize());
        return evaluations * val * t.batchSize() / pass + 2 * test * t.batchSize() / pass;
    }

    private static long windowBatches(long tokens, int context, int stride, int pass) {
        long windows = tokens <= context ? 1 : ceil(tokens - context, stride) + 1;
        return ceil(windows, pass);
    }

    /** A whole split's size is not in the plan: an estimate needs the cap. */
    private static long capped(int cap, String field, CellConfig c) {
        if (cap <= 0) {
            throw new IllegalArgumentException("Cannot estimate " + c.task() + "/" + c.row() + ": data." + field
                    + " is 0 (the whole split, whose size the plan does not know); cap it, e.g. --set "
                    + c.task() + ".data." + field + "=1000.");
        }
        return cap;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
