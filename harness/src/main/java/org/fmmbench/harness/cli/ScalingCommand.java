package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.bench.CalibrationWorkload;
import org.fmmbench.harness.bench.LraTaskShape;
import org.fmmbench.harness.scaling.BenchMode;
import org.fmmbench.harness.scaling.HeadLayout;
import org.fmmbench.harness.scaling.JmhSettings;
import org.fmmbench.harness.scaling.MemoryBudget;
import org.fmmbench.harness.scaling.RowStatus;
import org.fmmbench.harness.scaling.ScalingPlan;
import org.fmmbench.harness.scaling.ScalingPreset;
import org.fmmbench.harness.scaling.ScalingRow;
import org.fmmbench.harness.scaling.ScalingRun;
import org.fmmbench.harness.scaling.TimeBasis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scaling}: time and peak memory of each attention variant against sequence length, through JMH,
 * into {@code results/<run-id>/scaling.csv}, log-log charts and a targets table.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures time and peak memory of attention variants against sequence length N with JMH "
                + "(each cell in its own fork) and writes results/<run-id>/scaling.csv, log-log charts with fitted "
                + "slopes and targets.md.",
                "Re-running with the same --run-id resumes: measured cells are kept."})
public final class ScalingCommand implements Callable<Integer> {
    static final String DEFAULT_VARIANTS = "softmax,linear,band:k=5,fmm:k=5,kernels=elu+elu_flip";
    static final String ALL_TASKS = "listops,text,retrieval,image,pathfinder";

    @Option(names = "--variants", paramLabel = "SPECS", description = "Variant specs, comma-separated; any variant "
            + "on the class path by name (default: " + DEFAULT_VARIANTS + ", or the preset's).")
    String variants;

    @Option(names = "--preset", paramLabel = "NAME", description = "Settings of a paper figure, overridden by options "
            + "given explicitly: efficiency = softmax and FMMformer rank 3 + band 30, N 256-65536 (docs/experiments.md).")
    String preset;

    @Option(names = "--n-min", paramLabel = "N", description = "Smallest N; N doubles up to --n-max "
            + "(default 256, --quick 256).")
    Integer nMin;

    @Option(names = "--n-max", paramLabel = "N", description = "Largest N (default 65536, --quick 2048).")
    Integer nMax;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size B (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int batch;

    @Option(names = "--heads-dims", paramLabel = "HxD", split = ",", description = "Head layouts, comma-separated "
            + "HxD (default 2x32,8x64; --quick 2x32).")
    List<String> headsDims;

    @Option(names = "--causal", paramLabel = "BOOL", arity = "1", split = ",", description = "Causality: false, true or false,true "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "false")
    List<Boolean> causal;

    @Option(names = "--modes", paramLabel = "MODES", split = ",", description = "fwd (forward, inference), fwdbwd "
            + "(forward + backward), both, or none (only --model-step) (default: ${DEFAULT-VALUE}).",
            defaultValue = "fwd,fwdbwd")
    List<String> modes;

    @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads of each fork (PyTorch and "
            + "OMP_NUM_THREADS; default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--memory-budget", paramLabel = "SIZE", description = "Softmax cells estimated to need more are "
            + "recorded as skipped-oom: a share of physical memory (75%%) or a size (12GiB) "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "75%")
    String memoryBudget;

    @Option(names = "--quick", description = "CI run: N 256-2048, head layout 2x32, 1 fork, 1 x 0.2 s warm-up and "
            + "3 x 0.2 s measured iterations; does not touch reports/scaling unless --reports is given.")
    boolean quick;

    @Option(names = "--forks", paramLabel = "F", description = "JMH forks per cell (default 1; 0 runs in this JVM, "
            + "which makes peak memory meaningless).")
    Integer forks;

    @Option(names = "--warmup-iterations", paramLabel = "I", description = "JMH warm-up iterations (default 2, "
            + "--quick 1).")
    Integer warmupIterations;

    @Option(names = "--iterations", paramLabel = "I", description = "JMH measured iterations (default 5, --quick 3).")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "MS", description = "Minimum milliseconds per JMH iteration, "
            + "warm-up and measured; each iteration runs at least one operation (default 1000, --quick 200).")
    Integer iterationMillis;

    @Mixin
    ResultsDirOption out;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id; an existing run of that id is resumed "
            + "(default: scaling-<date>-<time>).")
    String runId;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where the latest charts and targets.md are "
            + "copied (default reports/scaling; --quick: not copied).")
    Path reports;

    @Option(names = "--model-step", paramLabel = "TASKS", split = ",", arity = "0..1", fallbackValue = ALL_TASKS,
            description = "Also time one training step (forward, backward, AdamW) of these LRA tasks' paper models "
                    + "per variant into model-step.csv; without a value all five: " + ALL_TASKS + ".")
    List<String> modelTasks;

    @Option(names = "--model-batch", paramLabel = "B", description = "Batch size of the training steps (default: "
            + "${DEFAULT-VALUE}; the paper's 32 or 256 make softmax steps take minutes here).", defaultValue = "8")
    int modelBatch;

    @Option(names = "--time", paramLabel = "BASIS", description = "Time the roofline columns and the targets read: "
            + "wall (JMH's score) or cpu (the benchmark thread's CPU time inside the operation, which leaves out time lost "
            + "to other tenants of a loaded machine). Wall, thread and process CPU are always recorded. "
            + "Default: ${DEFAULT-VALUE}.",
            defaultValue = "wall")
    String timeBasis;

    @Option(names = "--jmh-verbose", description = "Show JMH's own per-iteration output.")
    boolean jmhVerbose;

    @Override
    public Integer call() throws IOException {
        // what the scaling package rejects (an unknown variant or preset, a run measured otherwise) is bad input
        ScalingPlan plan = BadInputException.ifRejected(this::plan);
        CalibrationWorkload.ensure(plan.runDir(), plan.threads(), false, System.out);
        List<ScalingRow> rows = BadInputException.ifRejected(() -> new ScalingRun(plan, System.out).execute());
        long failed = rows.stream().filter(r -> r.status() == RowStatus.FAILED).count();
        if (failed > 0) {
            System.err.println("scaling: " + failed + " cell(s) failed; see the detail column of " + plan.csvFile()
                    + " and re-run with --run-id " + plan.runId() + " --jmh-verbose to retry them.");
            return 1;
        }
        return 0;
    }

    /** The plan these options describe (public for the scaling package's tests, which run plans). */
    public ScalingPlan plan() {
        ScalingPreset named = preset == null ? null : ScalingPreset.byName(preset);
        List<VariantSpec> specs = VariantSpec.parseList(variants != null ? variants
                : named != null ? named.variants() : DEFAULT_VARIANTS);
        VariantRegistry registry = VariantRegistry.load();
        for (VariantSpec spec : specs) {
            registry.create(spec, AttentionSettings.nonCausal(2, 32)); // rejects unknown names and parameters now
        }
        List<String> layoutTexts = headsDims != null ? headsDims : quick ? List.of("2x32") : List.of("2x32", "8x64");
        List<HeadLayout> layouts = layoutTexts.stream().map(HeadLayout::parse).distinct().toList();
        List<BenchMode> benchModes = modes.equals(List.of("none")) ? List.of()
                : modes.stream().map(BenchMode::parse).distinct().toList();
        List<LraTaskShape> tasks = modelTasks == null ? List.of()
                : modelTasks.stream().map(LraTaskShape::of).distinct().toList();
        if (benchModes.isEmpty() && tasks.isEmpty()) {
            throw new IllegalArgumentException("--modes none measures nothing without --model-step.");
        }
        BadInputException.requireAtLeast("--model-batch", modelBatch, 1);
        BadInputException.requireAtLeast("--threads", threads, 1);
        BadInputException.requireAtLeast("--batch", batch, 1);
        JmhSettings base = quick ? JmhSettings.quick() : JmhSettings.full();
        Duration time = iterationMillis != null ? Duration.ofMillis(iterationMillis) : null;
        JmhSettings jmh = new JmhSettings(forks != null ? forks : base.forks(),
                warmupIterations != null ? warmupIterations : base.warmupIterations(),
                time != null ? time : base.warmupTime(),
                iterations != null ? iterations : base.measurementIterations(),
                time != null ? time : base.measurementTime());
        String id = runId != null ? runId
                : "scaling-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path reportsDir = reports != null ? reports : quick ? null : Path.of("reports", "scaling");
        return new ScalingPlan(specs, ScalingPlan.doubling(nMin != null ? nMin : named != null ? named.nMin() : 256,
                nMax != null ? nMax : named != null ? named.nMax() : quick ? 2048 : 65536),
                batch, layouts, causal.stream().distinct().toList(), benchModes, threads, jmh,
                MemoryBudget.parse(memoryBudget), id, out.runDir(id), reportsDir, jmhVerbose, tasks, modelBatch,
                TimeBasis.parse(timeBasis));
    }
}
