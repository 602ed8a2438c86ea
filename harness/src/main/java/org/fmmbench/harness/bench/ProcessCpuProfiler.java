package org.fmmbench.harness.bench;

import org.fmmbench.harness.results.CpuClock;
import org.openjdk.jmh.results.IterationResult;

/**
 * Process CPU time (all threads, user + system) per operation of each iteration, as secondary result
 * {@value #CPU}. Set beside the wall time it shows how many cores an operation kept busy, and time lost to
 * page faults or to other tenants of a shared machine. It also counts the per-invocation fixtures (input
 * generation, O(N d)), JIT compilation and GC of the iteration.
 */
public final class ProcessCpuProfiler extends CpuTimeProfiler {
    public static final String CPU = "cpu.ms.per.op";

    public ProcessCpuProfiler() {
        super(CPU, "Process CPU time per operation (CpuClock.PROCESS: OperatingSystemMXBean.getProcessCpuTime)");
    }

    @Override
    Reading read() {
        return new Reading(CpuClock.PROCESS.nanos(), 0);
    }

    /** This clock counts no operations: the iteration's measured ones divide. */
    @Override
    long operations(long counted, IterationResult result) {
        return Math.max(1, result.getMetadata().getMeasuredOps());
    }
}
