package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.bench.CalibrationWorkload;
import org.fmmbench.harness.estimate.RunEstimate;
import org.fmmbench.harness.estimate.StepMeasurements;
import org.fmmbench.harness.profile.Durations;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.report.ReportWriter;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.DataSources;
import org.fmmbench.harness.run.JvmChildCommand;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.RegistryCellValidator;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.harness.variants.VariantChecks;
import org.fmmbench.harness.slurm.CommandRunner;
import org.fmmbench.harness.slurm.SlurmOptions;
import org.fmmbench.harness.slurm.SlurmSubmitter;
import org.fmmbench.harness.slurm.SlurmWaiter;
import org.fmmbench.harness.slurm.Submission;
import org.fmmbench.tasks.TaskRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Runs the matrix tasks x rows x seeds of a profile, one child JVM per cell, then writes "
                + "results.csv, charts and the report.",
                "With no options: the smoke profile on CPU from offline data (minutes).",
                "Rerunning with the same options resumes: finished cells are kept (see --force), interrupted ones "
                        + "continue from their last checkpoint (see --checkpoint-every).",
                "With --executor slurm the cells run as a Slurm job array instead (docs/slurm.md)."})
final class ReproduceCommand implements Callable<Integer> {
    /** Variants shipped with fmmbench, checked by its own tests; others are plug-ins. */
    private static final String BUILT_IN_PACKAGE = "org.fmmbench.baselines";
    private static final int PLUG_IN_CHECK_N = 32;

    @Mixin
    ProfileOption profile;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "Run only these tasks of the profile (comma-separated), e.g. listops,text.")
    List<String> tasks;

    @Option(names = "--variants", paramLabel = "SPECS",
            description = "Comma-separated attention variant specs replacing the profile's paper rows, "
                    + "e.g. my-variant,fmm:k=5,kernels=elu,softmax (see 'fmmbench variants').")
    String variants;

    @Option(names = "--rows", split = ",", paramLabel = "ROW",
            description = "Run only these rows of the profile (comma-separated row names, e.g. linear,fmm2_band5).")
    List<String> rows;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 0..N-1 (default: the profile's).")
    Integer seeds;

    @Mixin
    DeviceOption device;

    @Mixin
    DataDirOptions data;

    @Mixin
    ResultsDirOption out;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR",
            description = "Parent of report directories (default: ${DEFAULT-VALUE}); the report is <DIR>/<run-id>.")
    Path reports;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Name of the run directory (default: <profile>-<hash of the plan>).")
    String runId;

    @Option(names = "--force", description = "Run every cell again, even those already finished.")
    boolean force;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Train every cell for N steps (warm-up shrinks in proportion).")
    Integer maxSteps;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a profile setting for every task (section.field=value) or one task "
                    + "(task.section.field=value); sections: model, train, data. Repeatable.",
                    "E.g. --set train.microBatch=8 (accumulate gradients over micro-batches of 8), "
                    + "--set train.evalBatches=2 --set train.testBatches=2 (a quick look at the evaluation)."})
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--require-real-data", description = "Stop with exit code 2, before anything runs, when a task "
            + "would use an offline stand-in instead of the paper's data (also set by a profile's data.requireRealData).")
    boolean requireRealData;

    @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads per cell (0 = every core).")
    Integer threads;

    @Option(names = "--cell-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop a cell after this long, e.g. 90s, 20m, 2h (default: the profile's).")
    Duration cellTimeout;

    @Option(names = "--no-oom-retry", description = "Do not retry a cell that ran out of memory; by default it runs "
            + "once more with half its micro-batch (same optimisation, less memory), recorded in its results row.")
    boolean noOomRetry;
    @Mixin
    CheckpointOptions checkpoints;

    @Option(names = "--estimate", split = ",", paramLabel = "RUN_DIR",
            description = {"Run nothing: print how long each planned cell and the whole run should take, from the "
                    + "step times measured by short runs of the same tasks and rows (their run directories; a later "
                    + "one's task/row replaces an earlier one's), and how to split the tasks over --cores.",
                    "E.g. --estimate docs/measurements/cpu-profile/cpu-steps (docs/profiles.md)."})
    List<Path> estimate;

    @Option(names = "--cores", paramLabel = "N", description = "With --estimate: cores that run cells side by side, "
            + "one reproduce --tasks ... each (default: this machine's).")
    Integer cores;

    /** Where the cells run. */
    enum Executor { LOCAL, SLURM }

    @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm",
            description = "local: one cell after the other on this machine (default); slurm: submit the cells as "
                    + "a Slurm job array with sbatch (options below, docs/slurm.md).")
    Executor executor;

    @ArgGroup(exclusive = false, validate = false, heading = "%nWith --executor slurm:%n")
    SlurmArgs slurm;

    /** How Slurm's commands are run and found; tests put fakes here. */
    CommandRunner commands = CommandRunner.processes();
    Map<String, String> environment = System.getenv();
    Duration slurmPoll = Duration.ofSeconds(10);

    @Override
    public Integer call() throws IOException, InterruptedException {
        SlurmSubmitter submitter = null;
        if (executor == Executor.SLURM) {
            submitter = new SlurmSubmitter(commands, environment, childCommand());
            submitter.requireClient();
        } else if (slurm != null) {
            throw new BadInputException("--partition, --cpus-per-cell, --wait and the other Slurm options need "
                    + "--executor slurm.");
        }
        RunPlan plan = plan();
        if (estimate != null) {
            return printEstimate(plan);
        }
        checkPlugInVariants(plan);
        List<DataSources> sources = DataSources.of(plan, requireRealData);
        Optional<String> missing = DataSources.missingRequired(sources);
        if (missing.isPresent()) {
            throw new BadInputException(missing.get());
        }
        SlurmOptions slurmOptions = submitter == null ? null : slurmOptions(plan);
        Path runDir = out.runDir(plan.runId());
        Path planFile = runDir.resolve(RunPlan.FILE_NAME);
        checkNoOtherPlan(planFile, plan);
        if (submitter != null) {
            submitter.checkNothingQueued(plan);
        }
        Files.createDirectories(runDir);
        plan.write(planFile);
        System.out.println("Run " + plan.runId() + ": " + plan.cells().size() + " cells, profile " + plan.profile()
                + ", cell timeout " + plan.cellTimeout() + " -> " + runDir);
        // the calibration's threads are those of the cells, so that it scales with them on a slower machine
        CalibrationWorkload.ensure(runDir, plan.cells().isEmpty() ? 1 : plan.cells().get(0).config().threads(),
                force, System.out);
        if (plan.dataDir() == null) {
            System.out.println("Data: no --data-dir, so the offline data: " + dataSummary(sources, List.of()));
        } else {
            sources.forEach(s -> s.warning().ifPresent(w -> System.out.println("Data: " + w)));
        }
        if (submitter != null) {
            return submit(submitter, plan, runDir, slurmOptions, sources);
        }
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null, plan.cells().size());
        List<CellResult> results = new MatrixRunner(plan, runDir, childCommand(),
                Durations.parse(plan.cellTimeout()), force, progress, !noOomRetry).run();
        Path reportDir = reports.resolve(plan.runId());
        ReportWriter.write(runDir.resolve(MatrixRunner.RESULTS_FILE), reportDir);
        return finished(runDir, reportDir, sources, results);
    }

    private int printEstimate(RunPlan plan) throws IOException {
        int n = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        BadInputException.requireAtLeast("--cores", n, 1);
        System.out.print(BadInputException.ifRejected(() -> RunEstimate.of(plan, StepMeasurements.read(estimate)))
                .document(n).toMarkdown());
        return 0;
    }

    /** Names the data and results; exits as a finished run does: 3 when a cell failed or timed out, 0 otherwise. */
    private static int finished(Path runDir, Path reportDir, List<DataSources> sources, List<CellResult> results) {
        System.out.println("Data sources: " + dataSummary(sources, results));
        System.out.println("Results: " + runDir.resolve(MatrixRunner.RESULTS_FILE));
        System.out.println("Report:  " + reportDir.resolve(ReportWriter.MARKDOWN) + " and "
                + reportDir.resolve(ReportWriter.HTML));
        long broken = results.stream()
                .filter(r -> r.status() == CellStatus.FAILED || r.status() == CellStatus.TIMEOUT).count();
        return broken > 0 ? FmmbenchCli.EXIT_CELLS_FAILED : 0;
    }

    JvmChildCommand childCommand() {
        return new JvmChildCommand(FmmbenchCli.class.getName(), checkpoints.childOptions());
    }

    private int submit(SlurmSubmitter submitter, RunPlan plan, Path runDir, SlurmOptions options,
            List<DataSources> sources) throws IOException, InterruptedException {
        Path reportDir = reports.resolve(plan.runId());
        Submission s = submitter.submit(plan, runDir, reportDir, options, force);
        if (s.isEmpty()) {
            System.out.println("Every cell of run " + plan.runId() + " is ok: nothing to submit (--force runs them "
                    + "all again).");
            List<CellResult> results = MatrixRunner.merge(plan, runDir);
            ReportWriter.write(runDir.resolve(MatrixRunner.RESULTS_FILE), reportDir);
            return finished(runDir, reportDir, sources, results);
        }
        System.out.println("Submitted " + s.cellCount() + " of " + plan.cells().size() + " cells to Slurm"
                + (s.cellCount() < plan.cells().size() ? " (the others are ok already)" : "") + ":");
        System.out.println("  data preparation: " + s.preparations().stream().map(Submission.Job::toString)
                .collect(Collectors.joining(", ")));
        System.out.println("  cells:            job array " + s.cells().id() + ", tasks " + s.arraySpec()
                + " (task id = cell index in plan.yaml)");
        System.out.println("  merge and report: " + s.report().id() + ", when the array has ended");
        System.out.println("Logs:    " + runDir.resolve("slurm").resolve("logs") + " (cell-<index>.out per cell); "
                + "sbatch calls in " + runDir.resolve("slurm").resolve(SlurmSubmitter.JOBS_LOG));
        System.out.println("Results: " + runDir.resolve(MatrixRunner.RESULTS_FILE) + " and "
                + reportDir.resolve(ReportWriter.MARKDOWN) + " once job " + s.report().id() + " has ended"
                + (slurmArgs().wait ? "" : "; follow with squeue --me, or submit again with --wait"));
        if (!slurmArgs().wait) {
            return 0;
        }
        boolean merged = new SlurmWaiter(commands, environment, slurmPoll, System.out).await(plan, runDir, s);
        if (!merged) {
            System.err.println("The merge-and-report job " + s.report().id() + " ended without merging the results: "
                    + "see its log in " + runDir.resolve("slurm").resolve("logs") + ".");
            return 1;
        }
        return finished(runDir, reportDir, sources, ResultsCsv.read(runDir.resolve(MatrixRunner.RESULTS_FILE)));
    }

    /** The plan's threads are the CPUs Slurm gives each cell, and its cell timeout the cells' time limit. */
    private SlurmOptions slurmOptions(RunPlan plan) {
        SlurmArgs a = slurmArgs();
        if (a.gpusPerCell != null && a.gpusPerCell > 0 && "cpu".equals(plan.cells().get(0).config().device())) {
            throw new BadInputException("--gpus-per-cell " + a.gpusPerCell + " asks for GPUs but the cells would "
                    + "train on the CPU: pass --device gpu with a CUDA libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR; "
                    + "see docs/slurm.md), or leave --gpus-per-cell out.");
        }
        return BadInputException.ifRejected(() -> new SlurmOptions(a.partition, a.arrayParallel,
                plan.cells().get(0).config().threads(), a.memPerCell, Durations.parse(plan.cellTimeout()),
                a.gpusPerCell == null ? 0 : a.gpusPerCell, a.sbatchArgs));
    }

    /** Each task's recorded data source (as planned when no cell recorded one), marking stand-ins. */
    static String dataSummary(List<DataSources> planned, List<CellResult> results) {
        return planned.stream().map(s -> {
            String recorded = results.stream().filter(r -> r.identity().task().equals(s.task())
                    && r.config().dataSource() != null)
                    .map(cell -> cell.config().dataSource()).distinct().collect(Collectors.joining("+"));
            return s.task() + " " + (recorded.isEmpty() ? s.source() : recorded) + (s.real() ? "" : " (stand-in)");
        }).collect(Collectors.joining(", "));
    }

    /** Validates every input and builds the plan; nothing is written before this succeeds. */
    private RunPlan plan() {
        Path dataDir = data.checkedDataDir();
        return BadInputException.ifRejected(() -> {
            Profile p = profile.load(overrides);
            if (rows != null) {
                if (variants != null) {
                    throw new IllegalArgumentException("--rows picks rows of the profile and --variants replaces "
                            + "them: use one of the two.");
                }
                p = p.withRows(rows);
            }
            RunPlanner planner = planner(Runtime.getRuntime().availableProcessors());
            boolean onSlurm = executor == Executor.SLURM;
            return planner.plan(p, new PlanRequest(tasks, variants, seeds, device.name,
                    onSlurm ? slurmThreads(p) : threads, maxSteps, dataDir, data.cacheDir(),
                    onSlurm ? slurmTimeLimit() : cellTimeout, runId));
        });
    }

    /** Plans cells against the variants and tasks on the class path; {@code cores} is what threads 0 means. */
    static RunPlanner planner(int cores) {
        return new RunPlanner(new RegistryCellValidator(VariantRegistry.load(), TaskRegistry.providers().keySet()),
                cores);
    }

    /**
     * A plug-in variant (one not shipped with fmmbench) gets the quick {@code variants --check} before its first
     * cell: hours of training on a variant that sees the future or its padding would measure nothing. Nothing is
     * written when a check fails.
     */
    private static void checkPlugInVariants(RunPlan plan) {
        VariantRegistry registry = VariantRegistry.load();
        List<String> specs = plan.cells().stream().map(c -> c.config().variant()).distinct().toList();
        for (String text : specs) {
            VariantSpec spec = VariantSpec.parse(text);
            if (registry.provider(spec.name()).getClass().getPackageName().startsWith(BUILT_IN_PACKAGE)) {
                continue;
            }
            System.out.println("Checking plug-in variant " + spec + " (fmmbench variants --check)...");
            List<VariantChecks.Check> failed = new VariantChecks(registry, PLUG_IN_CHECK_N).run(spec).stream()
                    .filter(c -> c.outcome() == VariantChecks.Outcome.FAIL).toList();
            if (!failed.isEmpty()) {
                throw new BadInputException("Variant " + spec + " fails " + failed.size() + " check(s): "
                        + String.join("; ", failed.stream().map(VariantChecks.Check::toString).toList())
                        + ". Fix the variant; fmmbench variants --check " + spec + " shows every check.");
            }
        }
    }

    private SlurmArgs slurmArgs() {
        return slurm != null ? slurm : new SlurmArgs();
    }

    /** On Slurm a cell trains with the CPUs it is given: --threads and --cpus-per-cell are one number. */
    private Integer slurmThreads(Profile p) {
        Integer cpus = slurmArgs().cpusPerCell;
        if (threads != null && threads == 0) {
            throw new IllegalArgumentException("--threads 0 (every core) means nothing on a cluster: pass "
                    + "--cpus-per-cell N, the CPUs (and threads) of each cell.");
        }
        if (threads != null && cpus != null && !threads.equals(cpus)) {
            throw new IllegalArgumentException("--threads " + threads + " and --cpus-per-cell " + cpus + " disagree: "
                    + "on Slurm a cell trains with the CPUs it is given; pass only --cpus-per-cell.");
        }
        Integer wanted = threads != null ? threads : cpus;
        if (wanted == null && p.threads() == 0) {
            throw new IllegalArgumentException("Profile " + p.name() + " trains every cell on every core of the "
                    + "machine (threads: 0): pass --cpus-per-cell N, the CPUs (and threads) Slurm gives each cell.");
        }
        return wanted;
    }

    /** --time-per-cell is the run's cell timeout, enforced by Slurm. */
    private Duration slurmTimeLimit() {
        Duration limit = slurmArgs().timePerCell;
        if (limit != null && cellTimeout != null && !limit.equals(cellTimeout)) {
            throw new IllegalArgumentException("--time-per-cell " + Durations.format(limit) + " and --cell-timeout "
                    + Durations.format(cellTimeout) + " disagree: on Slurm the time limit is the cell timeout; pass "
                    + "only --time-per-cell.");
        }
        return limit != null ? limit : cellTimeout;
    }

    /** A run directory belongs to one plan; reusing its id for other cells would mix results. */
    private void checkNoOtherPlan(Path planFile, RunPlan plan) {
        if (!Files.exists(planFile) || force) {
            return;
        }
        RunPlan existing;
        try {
            existing = RunPlan.read(planFile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + " Use --force to replace it, or another --run-id.", e);
        }
        if (!existing.fingerprint().equals(plan.fingerprint())) {
            throw new BadInputException("Run directory " + planFile.getParent() + " holds a different plan ("
                    + existing.cells().size() + " cells of profile " + existing.profile()
                    + "): choose another --run-id, or --force to replace its plan and rerun every cell.");
        }
    }
}
