package org.fmmbench.harness.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The benchmark thread's CPU time per operation of each iteration, as secondary result {@value #CPU}: what the
 * benchmarks bracket with {@link OperationCpuTime}, i.e. the operation alone. Unlike {@link ProcessCpuProfiler} it
 * leaves out the input fixtures, other JVM threads and what other profilers do between iterations, so it
 * agrees with in-process thread-CPU measurements of the same kernels; on a loaded machine it does not count
 * the time the thread waited for a core, which wall time does.
 */
public final class OperationCpuProfiler implements InternalProfiler {
    public static final String CPU = "op.cpu.ms.per.op";

    private OperationCpuTime.Total start;

    @Override
    public String getDescription() {
        return "Benchmark thread CPU time per operation (CLOCK_THREAD_CPUTIME_ID around each operation)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = OperationCpuTime.total();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double msPerOp = OperationCpuTime.total().msPerOperationSince(start);
        return Double.isNaN(msPerOp) ? List.of()
                : List.of(new ScalarResult(CPU, msPerOp, "ms/op", AggregationPolicy.AVG));
    }
}
