package org.fmmbench.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmmbench.harness.bench.MallocTunables;
import org.fmmbench.harness.profile.Durations;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.results.MemoryProbe;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.results.RunDirectory;

/**
 * Runs the cells of a plan one after the other, each in its own child JVM, and merges their results into
 * {@code results.csv} after every cell, so that a run killed at any moment leaves a valid CSV of what
 * finished.
 *
 * <p>Resume: a cell whose {@code result.json} has the cell's config hash and a status that is
 * {@linkplain org.fmmbench.harness.results.CellStatus#keptOnResume() kept on resume} is not run again
 * unless {@code force} is set. Any other cell runs again, and its child continues from the cell's checkpoint if it
 * left one ({@link CheckpointPolicy}); {@code force} deletes checkpoints so that every cell starts afresh.
 *
 * <p>Before the first cell of each task, data and seed runs, a child JVM of its own prepares that data
 * (generates the offline stand-ins, builds the token caches). Otherwise the first cell of a task on a cold cache
 * would carry the generation in its wall-clock and peak memory, and its numbers would depend on the cache's state:
 * on a fresh CI machine the softmax cells, first of every task, measured up to twice the memory they do on a warm
 * cache.
 */
public final class MatrixRunner {
    public static final String RESULTS_FILE = "results.csv";

    /** The command lines of the child JVMs that run one cell of the plan and prepare its data. */
    public interface ChildCommand {
        List<String> command(Path planFile, PlannedCell cell);

        /** The command that only prepares the cell's data (see {@code train --prepare-data}). */
        List<String> prepareCommand(Path planFile, PlannedCell cell);
    }

    /** Where a preparation's logs go, inside the directory of the cell it was run for. */
    public static final String PREPARE_DIR = "prepare-data";

    private final RunPlan plan;
    private final Path runDir;
    private final ChildCommand childCommand;
    private final Duration timeout;
    private final boolean force;
    private final RunProgress progress;
    private final boolean retryOom;

    public MatrixRunner(RunPlan plan, Path runDir, ChildCommand childCommand, Duration timeout, boolean force,
            RunProgress progress) {
        this(plan, runDir, childCommand, timeout, force, progress, true);
    }

    /** @param retryOom whether a cell that ran out of memory runs once more with half its micro-batch */
    public MatrixRunner(RunPlan plan, Path runDir, ChildCommand childCommand, Duration timeout, boolean force,
            RunProgress progress, boolean retryOom) {
        this.plan = plan;
        this.runDir = runDir;
        this.childCommand = childCommand;
        this.timeout = timeout;
        this.force = force;
        this.progress = progress;
        this.retryOom = retryOom;
    }

    public List<CellResult> run() throws IOException, InterruptedException {
        Path planFile = runDir.resolve(RunPlan.FILE_NAME);
        merge(plan, runDir); // results.csv exists (header and kept cells) from the first moment of the run
        Set<List<Object>> prepared = new HashSet<>();
        for (PlannedCell cell : plan.cells()) {
            Path dir = CellRunner.cellDir(runDir, cell);
            CellResult earlier = readKept(dir, cell);
            if (!force && earlier != null && earlier.config().configHash().equals(cell.configHash())
                    && earlier.status().keptOnResume()) {
                progress.cellFinished(cell, earlier, true);
                continue;
            }
            if (prepared.add(List.of(cell.config().task(), cell.config().data(), cell.config().seed()))) {
                prepareData(planFile, cell, dir);
            }
            progress.cellStarted(cell, plan.cells().size());
            CellResult result = runCell(planFile, cell, dir);
            progress.cellFinished(cell, result, false);
            merge(plan, runDir);
        }
        return merge(plan, runDir);
    }

    /**
     * A preparation that fails is reported and otherwise ignored: the cell then meets the same problem and records
     * it as its status (skipped for missing data, failed with the error).
     */
    private void prepareData(Path planFile, PlannedCell cell, Path cellDir) throws IOException, InterruptedException {
        progress.dataPreparing(cell);
        ChildOutcome outcome = ChildProcess.run(childCommand.prepareCommand(planFile, cell),
                childEnvironment(Integer.toString(cell.config().threads())), cellDir.resolve(PREPARE_DIR), timeout,
                event -> { });
        boolean ok = !outcome.timedOut() && outcome.exitCode() == 0;
        progress.dataPrepared(cell, outcome.wallSeconds(), ok ? null : outcome.detail(Durations.format(timeout)));
    }

    /** An unreadable earlier result is reported and the cell runs again. */
    private CellResult readKept(Path dir, PlannedCell cell) {
        try {
            return CellRunner.readResult(dir);
        } catch (IOException e) {
            progress.notice(cell, e.getMessage() + "; the cell runs again");
            return null;
        }
    }

    /**
     * Runs the cell; a cell that ran out of memory runs once more with half its micro-batch when it has one to
     * halve ({@code retryOom}): gradient accumulation makes that the same optimisation in less memory.
     */
    private CellResult runCell(Path planFile, PlannedCell cell, Path dir) throws IOException, InterruptedException {
        CellResult result = runChild(planFile, cell, dir, null);
        int perPass = cell.config().train().examplesPerPass();
        if (result.status() == CellStatus.OOM && retryOom && perPass >= 2) {
            String firstDetail = result.statusDetail().isEmpty() ? "out of memory" : result.statusDetail();
            progress.notice(cell, "out of memory with micro-batch " + perPass + ": retrying once with "
                    + perPass / 2);
            result = runChild(planFile, cell, dir, perPass / 2).withOomRetry(perPass / 2, "OOM at micro-batch "
                    + perPass + " (" + firstDetail + ")");
            CellRunner.writeResult(dir, result);
        }
        return result;
    }

    private CellResult runChild(Path planFile, PlannedCell cell, Path dir, Integer microBatch)
            throws IOException, InterruptedException {
        RunDirectory.open(dir);
        Files.deleteIfExists(dir.resolve(CellRunner.RESULT_FILE));
        if (force) {
            // Every cell again, from its first step: a checkpoint would resume it instead.
            Files.deleteIfExists(CheckpointPolicy.checkpointFile(dir));
        }
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int threads = cell.config().threads();
        List<String> command = new ArrayList<>(childCommand.command(planFile, cell));
        if (microBatch != null) {
            command.addAll(List.of("--micro-batch", microBatch.toString()));
        }
        ChildOutcome outcome = ChildProcess.run(command, childEnvironment(Integer.toString(threads)), dir, timeout,
                event -> progress.cellProgress(cell, event));
        CellResult own = null;
        String unreadable = null;
        try {
            own = outcome.timedOut() ? null : CellRunner.readResult(dir);
        } catch (IOException e) {
            unreadable = e.getMessage();
        }
        CellResult result;
        if (own != null && own.config().configHash().equals(cell.configHash())) {
            result = own.metrics().peakRssMib() == null ? own.withPeakRssMib(outcome.peakRssMib(), MemoryProbe.MEASURE)
                    : own;
        } else if (unreadable != null) {
            result = CellOutcomes.of(plan.runId(), cell, CellStatus.FAILED, "the cell's result is unreadable: "
                    + unreadable, null, Provenance.probe(null), startedAt, outcome.peakRssMib(), null);
        } else {
            result = CellOutcomes.of(plan.runId(), cell, outcome.status(),
                    outcome.detail(Durations.format(timeout)), null, Provenance.probe(null), startedAt,
                    outcome.peakRssMib(), null);
        }
        // Wall-clock of the whole cell as the user waits for it: JVM start, engine load, data, training.
        result = result.withCellWallS(outcome.wallSeconds());
        CellRunner.writeResult(dir, result);
        return result;
    }

    /**
     * Writes {@code results.csv} from every cell result that belongs to the plan; returns them in plan order. A
     * result that cannot be read becomes a failed row saying so, not a missing one.
     */
    public static List<CellResult> merge(RunPlan plan, Path runDir) throws IOException {
        List<CellResult> results = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            CellResult r;
            try {
                r = CellRunner.readResult(CellRunner.cellDir(runDir, cell));
            } catch (IOException e) {
                r = CellOutcomes.of(plan.runId(), cell, CellStatus.FAILED, "the cell's result is unreadable: "
                        + e.getMessage(), null, Provenance.probe(null), null, null, null);
            }
            if (r != null && r.config().configHash().equals(cell.configHash())) {
                results.add(r);
            }
        }
        RunDirectory.open(runDir);
        ResultsCsv.write(runDir.resolve(RESULTS_FILE), results);
        return results;
    }

    /**
     * One intra-op thread count ({@code threads}: a number, or a variable of a batch script) for OpenMP and DJL;
     * and unless the user chose otherwise, glibc's malloc keeps freed memory for the next tensor
     * ({@link MallocTunables}), because libtorch's CPU allocator has no cache: page faults were 30-50 % of a training
     * cell's CPU time here. The JMH forks that time training steps get the same settings.
     */
    public static Map<String, String> childEnvironment(String threads) {
        Map<String, String> env = new HashMap<>(Map.of("OMP_NUM_THREADS", threads,
                "DJL_OFFLINE", "true"));
        MallocTunables.forChild().ifPresent(value -> env.put(MallocTunables.VARIABLE, value));
        return env;
    }
}
