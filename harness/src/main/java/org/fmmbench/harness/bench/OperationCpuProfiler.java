package org.fmmbench.harness.bench;

/**
 * The benchmark thread's CPU time per operation of each iteration, as secondary result {@value #CPU}: what the
 * benchmarks bracket with {@link OperationCpuTime}, i.e. the operation alone. Unlike {@link ProcessCpuProfiler} it
 * leaves out the input fixtures, other JVM threads and what other profilers do between iterations, so it
 * agrees with in-process thread-CPU measurements of the same kernels; on a loaded machine it does not count
 * the time the thread waited for a core, which wall time does. An iteration without bracketed operations reports
 * nothing.
 */
public final class OperationCpuProfiler extends CpuTimeProfiler {
    public static final String CPU = "op.cpu.ms.per.op";

    public OperationCpuProfiler() {
        super(CPU, "Benchmark thread CPU time per operation (CLOCK_THREAD_CPUTIME_ID around each operation)");
    }

    @Override
    Reading read() {
        return OperationCpuTime.total();
    }
}
