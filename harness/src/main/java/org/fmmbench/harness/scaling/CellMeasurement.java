package org.fmmbench.harness.scaling;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.fmmbench.harness.bench.OperationCpuProfiler;
import org.fmmbench.harness.bench.PeakMemoryProfiler;
import org.fmmbench.harness.bench.ProcessCpuProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * What one cell measured: time per operation as the median, min and max of the measured iterations' scores
 * (over all forks), the median process CPU time per operation ({@link ProcessCpuProfiler}) and the median CPU
 * time of the benchmark thread inside the operation ({@link OperationCpuProfiler}), and the largest iteration
 * peaks of memory.
 */
public record CellMeasurement(double medianMs, double minMs, double maxMs, double cpuMs, double threadCpuMs,
        double peakMib, double rssHighWaterMib) {

    public static CellMeasurement from(RunResult run) {
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> threadCpu = new ArrayList<>();
        double peak = Double.NaN;
        double highWater = Double.NaN;
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                times.add(it.getPrimaryResult().getScore());
                cpu.add(score(it, ProcessCpuProfiler.CPU));
                threadCpu.add(score(it, OperationCpuProfiler.CPU));
                peak = max(peak, score(it, PeakMemoryProfiler.PEAK));
                highWater = max(highWater, score(it, PeakMemoryProfiler.HIGH_WATER));
            }
        }
        if (times.isEmpty()) {
            throw new IllegalStateException("JMH returned no measured iterations");
        }
        return new CellMeasurement(median(times), times.stream().mapToDouble(d -> d).min().orElseThrow(),
                times.stream().mapToDouble(d -> d).max().orElseThrow(), median(cpu), median(threadCpu),
                peak, highWater);
    }

    private static double score(IterationResult it, String label) {
        Result r = it.getSecondaryResults().get(label);
        return r == null ? Double.NaN : r.getScore();
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(d -> d).filter(d -> !Double.isNaN(d)).toArray());
    }
}
