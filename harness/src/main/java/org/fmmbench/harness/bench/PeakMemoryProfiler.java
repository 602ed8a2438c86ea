package org.fmmbench.harness.bench;

import java.util.Collection;
import java.util.List;
import org.fmmbench.harness.results.MemoryProbe;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Peak resident memory of the fork's operations, as two secondary results of every measured iteration (MiB):
 * {@value #PEAK} is the high-water mark above the resident set at an iteration's start, i.e. what the
 * benchmark's inputs, intermediates and outputs occupied at their peak; {@value #HIGH_WATER} is the absolute
 * high-water mark (JVM and native libraries included). Both are the maximum over the iterations that measured.
 *
 * <p>Measuring needs the freed heap handed back to the kernel first ({@code malloc_trim}), and the operations after
 * that fault their working set in again: 3-10x an operation's own CPU time here, for several operations
 * (ForkCpuBreakdown in docs/measurements/perf). So memory is measured in the warm-up iterations after the first
 * (which also grows the JVM's heap and the engine's caches), and the measured iterations, whose times are the
 * results, run on an untouched heap; with fewer than two warm-up iterations the measured ones are trimmed and
 * measured instead (and their times then include the re-faulting).
 *
 * <p>Peaks are per fork, so each configuration must run in its own fork (JMH forks per parameter set).
 * Register with {@code OptionsBuilder.addProfiler(PeakMemoryProfiler.class)} or {@code -prof} with the class name.
 */
public final class PeakMemoryProfiler implements InternalProfiler {
    public static final String PEAK = "peak.mib";
    public static final String HIGH_WATER = "rss.hwm.mib";

    private long baselineKib;
    private int warmups;
    private boolean measuring;
    private double peakMib = Double.NaN;
    private double highWaterMib = Double.NaN;

    @Override
    public String getDescription() {
        return "Peak resident memory of the warm-up iterations (VmHWM after resetting it through "
                + "/proc/self/clear_refs), reported with every measured iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // The fork's first iteration also grows the JVM's heap and the engine's caches (about 120 MiB here), so it
        // never measures; warm-up iterations come first, and measured ones measure only after fewer than two.
        boolean warmup = iterationParams.getType() == IterationType.WARMUP;
        warmups += warmup ? 1 : 0;
        measuring = warmup ? warmups >= 2 : warmups < 2;
        if (measuring) {
            MemoryProbe.releaseFreedHeap();
            baselineKib = requireProcfs(MemoryProbe.currentKib());
            MemoryProbe.resetPeak();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        if (measuring) {
            long peakKib = requireProcfs(MemoryProbe.peakKib());
            peakMib = max(peakMib, (peakKib - baselineKib) / 1024.0);
            highWaterMib = max(highWaterMib, peakKib / 1024.0);
        }
        return List.of(new ScalarResult(PEAK, peakMib, "MiB", AggregationPolicy.MAX),
                new ScalarResult(HIGH_WATER, highWaterMib, "MiB", AggregationPolicy.MAX));
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Math.max(a, b);
    }

    private static long requireProcfs(long kib) {
        if (kib < 0) {
            throw new IllegalStateException(
                    "/proc/self/status has no resident-set lines: peak memory needs Linux /proc.");
        }
        return kib;
    }
}
