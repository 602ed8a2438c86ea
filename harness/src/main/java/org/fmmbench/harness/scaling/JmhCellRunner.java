package org.fmmbench.harness.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.fmmbench.harness.bench.ForkEnvironment;
import org.fmmbench.harness.bench.OperationCpuProfiler;
import org.fmmbench.harness.bench.PeakMemoryProfiler;
import org.fmmbench.harness.bench.ProcessCpuProfiler;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one scaling cell through JMH's runner API, each cell in its own fork(s), with our profilers.
 *
 * @param threads the intra-op threads of a forked VM
 * @param verbose whether JMH prints its progress
 */
record JmhCellRunner(JmhSettings settings, int threads, boolean verbose) {
    CellMeasurement run(ScalingCell cell) throws RunnerException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("variant", cell.variant().toString());
        params.put("n", Integer.toString(cell.n()));
        params.put("batch", Integer.toString(cell.batch()));
        params.put("heads", Integer.toString(cell.layout().heads()));
        params.put("headDim", Integer.toString(cell.layout().headDim()));
        params.put("causal", Boolean.toString(cell.causal()));
        return run(cell.mode().benchmarkName(), params);
    }

    /** Runs the benchmark {@code class.method} with the given {@code @Param} values. */
    CellMeasurement run(String benchmarkName, Map<String, String> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarkName) + "$")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .threads(1)
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .timeout(TimeValue.minutes(30))
                .jvmArgs(forkJvmArgs().toArray(String[]::new))
                .addProfiler(PeakMemoryProfiler.class)
                .addProfiler(ProcessCpuProfiler.class)
                .addProfiler(OperationCpuProfiler.class)
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        params.forEach(options::param);
        if (settings.forks() > 0) {
            options.addProfiler(ForkEnvironment.class, Integer.toString(threads));
        }
        return CellMeasurement.from(new Runner(options.build()).runSingle());
    }

    /**
     * The forked VM's arguments, replacing (not extending) the host's so that every fork starts the same way:
     * offline DJL, the requested intra-op threads and one inter-op thread, a small heap (tensors live off-heap),
     * DJL's informational logging off (it would interleave with the progress lines).
     */
    List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-Dai.djl.offline=true");
        args.add("-Dai.djl.pytorch.num_threads=" + threads);
        args.add("-Dai.djl.pytorch.num_interop_threads=1");
        args.add("-Djava.awt.headless=true");
        args.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        args.add("-Xss4m");
        args.add("-Xmx1g");
        return args;
    }
}
