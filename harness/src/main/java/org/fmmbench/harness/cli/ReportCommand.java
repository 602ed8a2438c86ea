package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmmbench.harness.report.ReportWriter;
import org.fmmbench.harness.report.RunResults;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.RunDirectory;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.slurm.UnfinishedCells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Redraws the charts and report of a run from its results.csv and curve files alone.",
                "Several runs make one report (--out required), e.g. the halves of a matrix run with "
                        + "reproduce --tasks on two cores; each task, row and seed must come from one run.",
                "With --merge, first writes results.csv from the result.json of every cell of the run's plan "
                        + "(after cells were run with train --no-merge, e.g. on a cluster)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "A run directory or its results.csv; "
            + "several for one report of them all.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/<run-id>).")
    Path out;

    @Option(names = "--scaling", paramLabel = "RUN", description = "The scaling run (its directory or scaling.csv) "
            + "that answers the claim about N (default: the first run's own, else the newest beside it or under "
            + "reference/ beside it).")
    Path scaling;

    @Option(names = "--merge", description = "Merge the cells' result.json files of the run directory into its "
            + "results.csv first.")
    boolean merge;

    @Option(names = "--cells-ended", description = "With --merge: every cell has ended, so a cell without a result "
            + "is recorded as failed, or as timeout or oom when its Slurm log says so (the merge job of reproduce "
            + "--executor slurm passes it).")
    boolean cellsEnded;

    @Override
    public Integer call() throws IOException {
        if (cellsEnded && !merge) {
            throw new BadInputException("--cells-ended only goes with --merge.");
        }
        if (inputs.size() > 1 && out == null) {
            throw new BadInputException("A report of " + inputs.size() + " runs has no run id to name its folder: "
                    + "pass --out DIR.");
        }
        if (merge) {
            // Every plan is read before any results.csv is rewritten, so a bad later input leaves all untouched.
            List<RunPlan> plans = new ArrayList<>();
            for (Path input : inputs) {
                plans.add(plan(input));
            }
            for (int i = 0; i < inputs.size(); i++) {
                mergeCells(plans.get(i), inputs.get(i));
            }
        }
        List<RunResults> runs = inputs.stream().map(ReportCommand::read).toList();
        Path scalingCsv = scaling == null ? null : scalingCsv(scaling);
        Path dir = out != null ? out : defaultDir(runs.get(0));
        BadInputException.ifRejected(() -> {
            ReportWriter.write(runs, scalingCsv, dir);
            return null;
        });
        System.out.println("Report: " + dir.resolve(ReportWriter.MARKDOWN) + " and " + dir.resolve(ReportWriter.HTML));
        return 0;
    }

    /** The cells of {@code input}'s results.csv. */
    private static RunResults read(Path input) {
        Path csv = Files.isDirectory(input) ? input.resolve(MatrixRunner.RESULTS_FILE) : input;
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv + " does not exist: pass a run directory (results/<run-id>) or its "
                    + "results.csv.");
        }
        try {
            return RunResults.read(csv);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Path scalingCsv(Path given) {
        Path csv = Files.isDirectory(given) ? given.resolve(ScalingCsv.FILE_NAME) : given;
        try {
            ScalingCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("--scaling " + given + ": cannot read " + csv + " (" + e.getMessage()
                    + "): pass a scaling run's directory (results/<run-id> of fmmbench scaling) or its scaling.csv.",
                    e);
        }
        return csv;
    }

    /** reports/&lt;run-id&gt; of the run's first cell, or of its folder when it has none. */
    private static Path defaultDir(RunResults run) {
        try {
            return RunDirectory.under(Path.of("reports"), run.runId());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(run.dir().resolve(MatrixRunner.RESULTS_FILE) + " names its run '"
                    + run.runId() + "', which cannot name a report directory: pass --out DIR.", e);
        }
    }

    private static RunPlan plan(Path input) throws IOException {
        Path planFile = input.resolve(RunPlan.FILE_NAME);
        if (!Files.isRegularFile(planFile)) {
            throw new BadInputException("--merge needs a run directory with a plan.yaml; " + planFile
                    + " does not exist.");
        }
        return BadInputException.ifRejected(() -> RunPlan.read(planFile));
    }

    private void mergeCells(RunPlan plan, Path input) throws IOException {
        int recorded = cellsEnded ? UnfinishedCells.record(plan, input) : 0;
        List<CellResult> merged = MatrixRunner.merge(plan, input);
        System.out.println("Merged " + merged.size() + " of " + plan.cells().size() + " cells into "
                + input.resolve(MatrixRunner.RESULTS_FILE)
                + (recorded > 0 ? " (" + recorded + " ended without a result of their own; see status_detail)" : ""));
    }
}
