package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.junit.jupiter.api.Test;

class PeakMemoryProfilerTest {

    private static double score(Collection<? extends Result> results, String label) {
        return results.stream().filter(r -> r.getLabel().equals(label)).findFirst().orElseThrow().getScore();
    }

    @Test
    void peakCountsWhatTheIterationAllocatedAndNotWhatEarlierIterationsFreed() {
        PeakMemoryProfiler profiler = new PeakMemoryProfiler();
        try (NDManager manager = NDManager.newBaseManager()) {
            profiler.beforeIteration(null, null);
            try (NDManager scope = manager.newSubManager()) {
                NDArray big = scope.ones(new Shape(64, 1024, 1024)); // 256 MiB, every page written
                big.sum().getFloat();
            }
            Collection<? extends Result> busy = profiler.afterIteration(null, null, null);
            assertTrue(score(busy, PeakMemoryProfiler.PEAK) >= 250, "peak " + busy);
            assertTrue(score(busy, PeakMemoryProfiler.HIGH_WATER) >= score(busy, PeakMemoryProfiler.PEAK));

            profiler.beforeIteration(null, null);
            Collection<? extends Result> idle = profiler.afterIteration(null, null, null);
            assertTrue(score(idle, PeakMemoryProfiler.PEAK) < 32, "idle peak " + idle);
        }
    }
}
