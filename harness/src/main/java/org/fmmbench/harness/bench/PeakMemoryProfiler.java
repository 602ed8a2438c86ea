package org.fmmbench.harness.bench;

import java.util.Collection;
import java.util.List;
import org.fmmbench.harness.results.MemoryProbe;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Peak resident memory of each iteration of the fork, as two secondary results (MiB, maximum over iterations):
 * {@value #PEAK} is the high-water mark above the resident set at the iteration's start, i.e. what the
 * benchmark's inputs, intermediates and outputs occupied at their peak; {@value #HIGH_WATER} is the absolute
 * high-water mark (JVM and native libraries included).
 *
 * <p>Peaks are per fork, so each configuration must run in its own fork (JMH forks per parameter set).
 * Register with {@code OptionsBuilder.addProfiler(PeakMemoryProfiler.class)} or {@code -prof} with the class name.
 */
public final class PeakMemoryProfiler implements InternalProfiler {
    public static final String PEAK = "peak.mib";
    public static final String HIGH_WATER = "rss.hwm.mib";

    private long baselineKib;

    @Override
    public String getDescription() {
        return "Peak resident memory per iteration (VmHWM after resetting it through /proc/self/clear_refs)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        MemoryProbe.releaseFreedHeap();
        baselineKib = requireProcfs(MemoryProbe.currentKib());
        MemoryProbe.resetPeak();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long peakKib = requireProcfs(MemoryProbe.peakKib());
        return List.of(
                new ScalarResult(PEAK, (peakKib - baselineKib) / 1024.0, "MiB", AggregationPolicy.MAX),
                new ScalarResult(HIGH_WATER, peakKib / 1024.0, "MiB", AggregationPolicy.MAX));
    }

    private static long requireProcfs(long kib) {
        if (kib < 0) {
            throw new IllegalStateException(
                    "/proc/self/status has no resident-set lines: peak memory needs Linux /proc.");
        }
        return kib;
    }
}
