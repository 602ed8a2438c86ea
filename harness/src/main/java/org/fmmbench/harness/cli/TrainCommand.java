package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.ChildOutcome;
import org.fmmbench.harness.run.CheckpointPolicy;
import org.fmmbench.harness.run.EngineCellTraining;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.TaskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Runs exactly one cell of a run plan in this JVM and writes its result.json and curve.csv "
                + "to <out>/cells/<cell id>/, resuming from the checkpoint an interrupted run of it left there.",
                "reproduce runs every cell this way in a child JVM; run it yourself to retry or debug one cell, "
                        + "or to spread cells over machines."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "plan.yaml of a run directory.")
    Path planFile;

    @Option(names = "--cell", required = true, paramLabel = "INDEX", description = "Index of the cell in the plan (0-based).")
    int cell;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory to write into (default: the plan's).")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides the plan's data directory.")
    Path dataDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Overrides the plan's cache directory.")
    Path cacheDir;

    @Option(names = "--child", hidden = true,
            description = "Report progress in the machine-readable protocol of reproduce's parent process.")
    boolean child;

    @Option(names = "--prepare-data", description = "Only prepare the cell's data (generate the offline stand-ins "
            + "into the cache, build token caches) and exit. reproduce does this once per task before its first "
            + "cell, so that no cell's time or memory includes data generation; do it yourself before spreading "
            + "cells over machines that share a cache.")
    boolean prepareData;

    @Option(names = "--micro-batch", paramLabel = "N", description = "Train with micro-batches of N examples "
            + "instead of the plan's (the same optimisation in less memory); reproduce passes it when it retries a "
            + "cell that ran out of memory. The cell keeps its config hash.")
    Integer microBatch;

    @Mixin
    CheckpointOptions checkpoints;

    @Option(names = "--no-merge", description = "Leave results.csv alone, for cells running at the same time on "
            + "several machines (reproduce --executor slurm passes it; its merge job writes results.csv once they "
            + "have all ended, see report --merge).")
    boolean noMerge;

    @Override
    public Integer call() throws IOException {
        CheckpointPolicy policy = checkpoints.policy();
        RunPlan plan = BadInputException.ifRejected(() -> RunPlan.read(planFile));
        PlannedCell planned = BadInputException.ifRejected(() -> microBatch == null ? plan.cell(cell)
                : plan.cell(cell).withMicroBatch(microBatch));
        Path data = dataDir != null ? dataDir : plan.dataDir() == null ? null : Path.of(plan.dataDir());
        if (data != null && !Files.isDirectory(data)) {
            throw new BadInputException("Data directory " + data + " does not exist: fix --data-dir or the plan.");
        }
        Path cache = cacheDir != null ? cacheDir
                : plan.cacheDir() != null ? Path.of(plan.cacheDir()) : TaskOptions.defaultCacheDir();
        Path runDir = out != null ? out : planFile.toAbsolutePath().getParent();
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            // must be set before the engine loads
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(planned.config().threads()));
        }
        DeviceOption.requireGpuEngine(planned.config().device(), "Cell " + planned.id() + " is planned for the gpu",
                "plan the run with --device cpu; fmmbench doctor --device gpu shows what is missing");
        if (prepareData) {
            long start = System.nanoTime();
            try {
                new EngineCellTraining(data, cache).prepareData(planned.config());
            } catch (MissingDataException | MalformedDataException | IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            System.out.printf(Locale.ROOT, "Data of %s ready in %.1f s (cache %s)%n",
                    planned.config().task(), (System.nanoTime() - start) / 1e9, cache);
            return 0;
        }
        CellRunner runner;
        ConsoleProgress console = null;
        if (child) {
            runner = new CellRunner(new EngineCellTraining(data, cache), e -> {
                System.out.println(e.toLine());
                System.out.flush();
            }, policy);
        } else {
            console = new ConsoleProgress(System.out, System.console() != null, plan.cells().size());
            console.cellStarted(planned, plan.cells().size());
            ConsoleProgress c = console;
            runner = new CellRunner(new EngineCellTraining(data, cache), e -> c.cellProgress(planned, e), policy);
        }
        CellResult result = runner.run(plan, planned, runDir);
        if (console != null) {
            console.cellFinished(planned, result, false);
            System.out.println("Result: " + CellRunner.cellDir(runDir, planned).resolve(CellRunner.RESULT_FILE));
            if (!noMerge) {
                MatrixRunner.merge(plan, runDir);
            }
        }
        return result.status() == CellStatus.OK ? 0
                : result.status() == CellStatus.OOM ? ChildOutcome.EXIT_OUT_OF_MEMORY : FmmbenchCli.EXIT_CELLS_FAILED;
    }

}
