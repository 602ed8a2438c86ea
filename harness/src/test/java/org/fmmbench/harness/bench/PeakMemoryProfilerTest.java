package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

class PeakMemoryProfilerTest {
    private static final IterationParams WARMUP = new IterationParams(IterationType.WARMUP, 1, TimeValue.NONE, 1);
    private static final IterationParams MEASUREMENT =
            new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);

    private static double score(Collection<? extends Result> results, String label) {
        return results.stream().filter(r -> r.getLabel().equals(label)).findFirst().orElseThrow().getScore();
    }

    /** One iteration that writes every page of 256 MiB. */
    private static Collection<? extends Result> busy(PeakMemoryProfiler profiler, IterationParams type,
            NDManager manager) {
        profiler.beforeIteration(null, type);
        allocate(manager);
        return profiler.afterIteration(null, type, null);
    }

    private static void allocate(NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray big = scope.ones(new Shape(64, 1024, 1024));
            big.sum().getFloat();
        }
    }

    @Test
    void theSecondWarmupIterationsPeakCountsWhatItAllocatedAndTheFirstIsNotMeasured() {
        PeakMemoryProfiler profiler = new PeakMemoryProfiler();
        try (NDManager manager = NDManager.newBaseManager()) {
            Collection<? extends Result> first = busy(profiler, WARMUP, manager);
            assertTrue(Double.isNaN(score(first, PeakMemoryProfiler.PEAK)), "first iteration " + first);
            Collection<? extends Result> r = busy(profiler, WARMUP, manager);
            assertTrue(score(r, PeakMemoryProfiler.PEAK) >= 250, "peak " + r);
            assertTrue(score(r, PeakMemoryProfiler.HIGH_WATER) >= score(r, PeakMemoryProfiler.PEAK));
        }
    }

    @Test
    void measuredIterationsAfterWarmupAreNotMeasuredAndReportTheWarmupPeak() {
        PeakMemoryProfiler profiler = new PeakMemoryProfiler();
        try (NDManager manager = NDManager.newBaseManager()) {
            busy(profiler, WARMUP, manager); // the first: not measured
            allocate(manager); // freed before the second warm-up iteration: not part of its peak
            profiler.beforeIteration(null, WARMUP);
            Collection<? extends Result> idle = profiler.afterIteration(null, WARMUP, null);
            assertTrue(score(idle, PeakMemoryProfiler.PEAK) < 32, "idle peak " + idle);
            Collection<? extends Result> measured = busy(profiler, MEASUREMENT, manager);
            assertTrue(score(measured, PeakMemoryProfiler.PEAK) < 32, "measured iteration's peak " + measured);
        }
    }

    @Test
    void afterFewerThanTwoWarmupIterationsTheMeasuredIterationsAreMeasured() {
        PeakMemoryProfiler profiler = new PeakMemoryProfiler();
        try (NDManager manager = NDManager.newBaseManager()) {
            busy(profiler, WARMUP, manager);
            Collection<? extends Result> r = busy(profiler, MEASUREMENT, manager);
            assertTrue(score(r, PeakMemoryProfiler.PEAK) >= 250, "peak " + r);
        }
    }
}
