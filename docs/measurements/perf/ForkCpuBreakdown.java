package org.fmmbench.harness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Where a scaling fork's process CPU per operation goes: one fwdbwd cell per (variant, N, profiler set) in a JMH
 * fork set up as `scaling` sets it up (same JVM arguments, ForkEnvironment, 2 x 1 s warm-up, 5 x 1 s measured),
 * printing per measured iteration the wall ms/op, process CPU ms/op (ProcessCpuProfiler), the operation's own
 * thread CPU ms/op (OperationCpuProfiler), the CPU of all JMH worker threads (operation + per-invocation fixtures),
 * of the other Java threads (JIT, GC, JMH), and the process CPU no Java thread accounts for.
 * Profiler sets: "mem" = with PeakMemoryProfiler (malloc_trim(0) before every iteration, as scaling runs),
 * "nomem" = without it.
 * Usage: ForkCpuBreakdown 'linear;band:k=5' 4096,16384 mem,nomem
 */
public final class ForkCpuBreakdown {

    public static void main(String[] args) throws Exception {
        System.out.println("variant,N,profilers,iteration,ops,wall_ms,process_cpu_ms,op_cpu_ms,worker_cpu_ms,"
                + "other_java_cpu_ms,unattributed_cpu_ms,load_before");
        for (String n : args[1].split(",")) {
            for (String variant : args[0].split(";")) {
                for (String set : args[2].split(",")) {
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    ChainedOptionsBuilder o = new OptionsBuilder()
                            .include("^" + AttentionForwardBackwardBenchmark.class.getName() + ".forwardBackward$")
                            .mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS).threads(1).forks(1)
                            .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                            .jvmArgs("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                                    "-Dai.djl.pytorch.num_interop_threads=1", "-Djava.awt.headless=true",
                                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xss4m", "-Xmx1g")
                            .param("variant", variant).param("n", n).param("batch", "1").param("heads", "2")
                            .param("headDim", "32").param("causal", "false")
                            .shouldFailOnError(true).verbosity(VerboseMode.SILENT);
                    if (set.equals("mem")) { // first, as scaling adds it: its trim precedes the CPU windows
                        o.addProfiler(PeakMemoryProfiler.class);
                    }
                    o.addProfiler(ProcessCpuProfiler.class).addProfiler(OperationCpuProfiler.class)
                            .addProfiler(ForkThreadSplitProfiler.class).addProfiler(ForkEnvironment.class, "1");
                    RunResult run = new Runner(o.build()).runSingle();
                    int it = 0;
                    for (var fork : run.getBenchmarkResults()) {
                        for (IterationResult r : fork.getIterationResults()) {
                            var s = r.getSecondaryResults();
                            System.out.println(String.format(Locale.ROOT,
                                    "%s,%s,%s,%d,%.0f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f", variant.replace(',', ' '),
                                    n, set, ++it, s.get("ops").getScore(), r.getPrimaryResult().getScore(),
                                    s.get(ProcessCpuProfiler.CPU).getScore(), s.get(OperationCpuProfiler.CPU).getScore(),
                                    s.get("worker").getScore(), s.get("otherjava").getScore(),
                                    s.get("unattributed").getScore(), load));
                        }
                    }
                }
            }
        }
    }
}
