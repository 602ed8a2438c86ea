package org.fmmbench.harness.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * Starts each forked VM with {@code OMP_NUM_THREADS} set to the given count (the profiler's init line) and with
 * the {@link MallocTunables} the training cells get, so a fork allocates as a training process does.
 *
 * <p>JMH has no option for a fork's environment (forks inherit the host's), but it prefixes the fork command
 * with whatever external profilers return from {@link #addJVMInvokeOptions}, as its own perf profilers do;
 * this one prefixes {@code env OMP_NUM_THREADS=n GLIBC_TUNABLES=..} and measures nothing. Register with
 * {@code OptionsBuilder.addProfiler(ForkEnvironment.class, "1")}.
 */
public final class ForkEnvironment implements ExternalProfiler {
    private final int threads;

    public ForkEnvironment(String initLine) {
        try {
            threads = Integer.parseInt(initLine.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ForkEnvironment needs a thread count, got '" + initLine + "'", e);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("ForkEnvironment needs a thread count >= 1, got " + threads);
        }
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        List<String> prefix = new ArrayList<>(List.of("env", "OMP_NUM_THREADS=" + threads));
        MallocTunables.forChild().ifPresent(value -> prefix.add(MallocTunables.VARIABLE + "=" + value));
        return prefix;
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "Runs the forked VM with OMP_NUM_THREADS and glibc's malloc tunables set (measures nothing)";
    }
}
