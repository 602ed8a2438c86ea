package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmmbench.harness.report.ReportWriter;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.results.RunDirectory;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.slurm.UnfinishedCells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Redraws the charts and report of a run from its results.csv and curve files alone.",
                "With --merge, first writes results.csv from the result.json of every cell of the run's plan "
                        + "(after cells were run with train --no-merge, e.g. on a cluster)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "A run directory or its results.csv.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/<run-id>).")
    Path out;

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
        if (merge) {
            mergeCells();
        }
        Path csv = Files.isDirectory(input) ? input.resolve(MatrixRunner.RESULTS_FILE) : input;
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv + " does not exist: pass a run directory (results/<run-id>) or its "
                    + "results.csv.");
        }
        List<CellResult> results;
        try {
            results = ResultsCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
        String runId = results.isEmpty() ? csv.toAbsolutePath().getParent().getFileName().toString()
                : results.get(0).identity().runId();
        Path dir;
        try {
            dir = out != null ? out : RunDirectory.under(Path.of("reports"), runId);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(csv + " names its run '" + runId + "', which cannot name a report directory: "
                    + "pass --out DIR.", e);
        }
        ReportWriter.write(csv, dir);
        System.out.println("Report: " + dir.resolve(ReportWriter.MARKDOWN) + " and " + dir.resolve(ReportWriter.HTML));
        return 0;
    }

    private void mergeCells() throws IOException {
        Path planFile = input.resolve(RunPlan.FILE_NAME);
        if (!Files.isRegularFile(planFile)) {
            throw new BadInputException("--merge needs a run directory with a plan.yaml; " + planFile
                    + " does not exist.");
        }
        RunPlan plan = BadInputException.ifRejected(() -> RunPlan.read(planFile));
        int recorded = cellsEnded ? UnfinishedCells.record(plan, input) : 0;
        List<CellResult> merged = MatrixRunner.merge(plan, input);
        System.out.println("Merged " + merged.size() + " of " + plan.cells().size() + " cells into "
                + input.resolve(MatrixRunner.RESULTS_FILE)
                + (recorded > 0 ? " (" + recorded + " ended without a result of their own; see status_detail)" : ""));
    }
}
