package org.fmmbench.harness.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.JvmChildCommand;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RunPlan;

/**
 * Submits the cells of a run to Slurm with {@code sbatch}: one data preparation job per task and seed, then one
 * job array over the cells that depends on all of them ({@code afterok}), then one job that merges the cells'
 * results into results.csv and writes the report once the array has ended ({@code afterany}). Each cell writes
 * only its own directory; the merge job alone writes results.csv.
 *
 * <p>Only cells without an {@code ok} result are submitted, so submitting a run again retries what failed, timed
 * out or never ran. A cell's array task is requeued ({@code --requeue}) when its node fails or it is preempted,
 * and runs the same cell again. Scripts, job logs and {@code jobs.log} (every sbatch call with its job id) are
 * kept in {@code <run>/slurm/}.
 */
public final class SlurmSubmitter {
    public static final String JOBS_LOG = "jobs.log";

    private final CommandRunner commands;
    private final Map<String, String> environment;
    private final JvmChildCommand jvm;

    /**
     * @param environment where {@code sbatch} and {@code squeue} are looked up ({@code PATH})
     * @param jvm how the jobs start fmmbench's JVM
     */
    public SlurmSubmitter(CommandRunner commands, Map<String, String> environment, JvmChildCommand jvm) {
        this.commands = commands;
        this.environment = environment;
        this.jvm = jvm;
    }

    /** Fails unless sbatch and squeue are on the PATH; call before writing anything. */
    public void requireClient() {
        client("sbatch");
        client("squeue");
    }

    /**
     * The cells a submission would run: those without an ok result of their own config (an unreadable result
     * counts as none: the cell runs again and rewrites it), or all of them.
     */
    public static List<PlannedCell> unfinished(RunPlan plan, Path runDir, boolean all) {
        List<PlannedCell> cells = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            CellResult r;
            try {
                r = CellRunner.readResult(CellRunner.cellDir(runDir, cell));
            } catch (java.io.IOException e) {
                r = null;
            }
            if (all || r == null || !r.config().configHash().equals(cell.configHash()) || r.status() != CellStatus.OK) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /**
     * Submits the run's unfinished cells (every cell with {@code all}); the plan is already written to
     * {@code <runDir>/plan.yaml} and {@link #checkNothingQueued} has passed.
     */
    public Submission submit(RunPlan plan, Path runDir, Path reportDir, SlurmOptions options, boolean all)
            throws IOException, InterruptedException {
        Path run = runDir.toAbsolutePath().normalize();
        List<PlannedCell> cells = unfinished(plan, run, all);
        if (cells.isEmpty()) {
            return Submission.nothing();
        }
        Path slurmDir = SlurmLogs.dir(run);
        Files.createDirectories(SlurmLogs.logs(run));
        Path planFile = run.resolve(RunPlan.FILE_NAME);
        int threads = options.cpusPerCell();
        Path prepareScript = slurmDir.resolve("prepare.sh");
        Path cellsScript = slurmDir.resolve("cells.sh");
        Path reportScript = slurmDir.resolve("report.sh");
        AtomicFiles.writeString(prepareScript, SlurmScripts.preparation(plan.runId(), jvm, planFile, threads));
        AtomicFiles.writeString(cellsScript, SlurmScripts.cells(plan.runId(), jvm, planFile, threads));
        AtomicFiles.writeString(reportScript, SlurmScripts.report(plan.runId(), jvm, run,
                reportDir.toAbsolutePath().normalize()));

        List<Submission.Job> submitted = new ArrayList<>();
        List<Submission.Job> preparations = new ArrayList<>();
        for (PlannedCell first : firstOfEachData(cells)) {
            String label = "data of " + first.config().task() + " seed " + first.config().seed();
            List<String> args = new ArrayList<>(options.preparationResources());
            args.add("--output=" + SlurmLogs.preparation(run, first));
            preparations.add(sbatch(plan, run, jobName(plan, "prepare"), label, args,
                    List.of(prepareScript.toString(), Integer.toString(first.index())), options, submitted));
        }
        String arraySpec = arraySpec(cells, options.arrayParallel());
        String prepared = preparations.stream().map(Submission.Job::id).collect(Collectors.joining(":"));
        List<String> arrayArgs = new ArrayList<>(options.cellResources());
        arrayArgs.addAll(List.of("--output=" + SlurmLogs.cellPattern(run), "--array=" + arraySpec,
                "--dependency=afterok:" + prepared,
                // a failed preparation cancels the array (instead of leaving it pending forever), so the merge runs
                "--kill-on-invalid-dep=yes"));
        Submission.Job array = sbatch(plan, run, jobName(plan, "cells"), cells.size() + " cells", arrayArgs,
                List.of(cellsScript.toString()), options, submitted);
        List<String> reportArgs = new ArrayList<>(options.reportResources());
        reportArgs.addAll(List.of("--output=" + SlurmLogs.report(run), "--dependency=afterany:" + array.id()));
        Submission.Job report = sbatch(plan, run, jobName(plan, "report"), "merge and report", reportArgs,
                List.of(reportScript.toString()), options, submitted);
        return new Submission(List.copyOf(preparations), array, arraySpec, report, cells.size());
    }

    /** The job names of a run's three kinds of jobs, by which {@code squeue --name} finds them. */
    static String jobName(RunPlan plan, String kind) {
        return "fmmbench-" + plan.runId() + "-" + kind;
    }

    static List<String> jobNames(RunPlan plan) {
        return List.of(jobName(plan, "prepare"), jobName(plan, "cells"), jobName(plan, "report"));
    }

    /**
     * Fails if jobs of an earlier submission of the run are still queued or running: a second submission would
     * train their cells twice and race on their directories. Call before writing into the run directory.
     */
    public void checkNothingQueued(RunPlan plan) throws IOException, InterruptedException {
        List<String> queued = SlurmQueue.list(commands, client("squeue"), jobNames(plan)).stream()
                .map(SlurmQueue.Entry::id).distinct().toList();
        if (!queued.isEmpty()) {
            throw new SlurmInputException("Jobs of an earlier submission of run " + plan.runId()
                    + " are still queued or running (" + String.join(", ", queued) + "): wait for them to end, or "
                    + "cancel them (scancel " + String.join(" ", queued) + "), then submit again.");
        }
    }

    /** The first cell of each task, data and seed: its preparation serves the others. */
    private static List<PlannedCell> firstOfEachData(List<PlannedCell> cells) {
        Map<List<Object>, PlannedCell> first = new LinkedHashMap<>();
        for (PlannedCell c : cells) {
            first.putIfAbsent(List.of(c.config().task(), c.config().data(), c.config().seed()), c);
        }
        return List.copyOf(first.values());
    }

    /** Plan indices as ranges, e.g. {@code 0-3,5,8-9}, with {@code %N} to run at most N at once. */
    static String arraySpec(List<PlannedCell> cells, Integer parallel) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < cells.size()) {
            int start = cells.get(i).index();
            int end = start;
            while (i + 1 < cells.size() && cells.get(i + 1).index() == end + 1) {
                end = cells.get(++i).index();
            }
            ranges.add(start == end ? Integer.toString(start) : start + "-" + end);
            i++;
        }
        return String.join(",", ranges) + (parallel == null ? "" : "%" + parallel);
    }

    private Submission.Job sbatch(RunPlan plan, Path runDir, String name, String label, List<String> jobArgs,
            List<String> script, SlurmOptions options, List<Submission.Job> submitted)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(client("sbatch").toString(), "--parsable", "--job-name=" + name,
                "--open-mode=append", "--requeue"));
        cmd.addAll(jobArgs);
        cmd.addAll(options.sbatchArgs());
        cmd.addAll(script);
        CommandRunner.Result r = commands.run(cmd);
        String id = r.stdout().strip().split("[;\\s]", 2)[0];
        if (r.exitCode() != 0 || !id.matches("[0-9]+")) {
            throw new SlurmInputException("sbatch refused the job for " + label + " (exit code " + r.exitCode()
                    + "): " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip() + " -- "
                    + (submitted.isEmpty() ? "nothing was submitted for run " + plan.runId() + "."
                    : "already submitted for run " + plan.runId() + ": "
                    + submitted.stream().map(Submission.Job::toString).collect(Collectors.joining(", "))
                    + "; they stay queued: cancel them with scancel "
                    + submitted.stream().map(Submission.Job::id).collect(Collectors.joining(" "))
                    + " or let them run, then fix the problem and submit again."));
        }
        if (!r.stderr().isBlank()) {
            System.err.print(r.stderr()); // sbatch's warnings, e.g. about a defaulted option
        }
        Submission.Job job = new Submission.Job(id, name, label);
        submitted.add(job);
        Files.writeString(SlurmLogs.dir(runDir).resolve(JOBS_LOG),
                Instant.now().truncatedTo(ChronoUnit.SECONDS) + " job " + id + " " + label + ": "
                        + String.join(" ", cmd) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return job;
    }

    private Path client(String command) {
        return find(command, environment).orElseThrow(() -> new SlurmInputException(command + " is not on the "
                + "PATH: run on a Slurm login node (e.g. after 'module load slurm'), put Slurm's bin folder on "
                + "the PATH, or use --executor local."));
    }

    /** The executable named {@code command} in the first folder of the environment's PATH that has one. */
    static Optional<Path> find(String command, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
