package org.fmmbench.harness.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
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
 * Process CPU time (all threads, user + system) per operation of each iteration, as secondary result
 * {@value #CPU}. Set beside the wall time it shows how many cores an operation kept busy, and time lost to
 * page faults or to other tenants of a shared machine. It also counts the per-invocation fixtures (input
 * generation, O(N d)), JIT compilation and GC of the iteration.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    public static final String CPU = "cpu.ms.per.op";

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "Process CPU time per operation (OperatingSystemMXBean.getProcessCpuTime)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        double msPerOp = (os.getProcessCpuTime() - startNanos) / 1e6 / ops;
        return List.of(new ScalarResult(CPU, msPerOp, "ms/op", AggregationPolicy.AVG));
    }
}
