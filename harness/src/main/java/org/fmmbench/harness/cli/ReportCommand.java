package org.fmmbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmmbench.harness.report.ReportWriter;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.results.RunIds;
import org.fmmbench.harness.run.MatrixRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Redraws the charts and report of a run from its results.csv and curve files alone.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "A run directory or its results.csv.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/<run-id>).")
    Path out;

    @Override
    public Integer call() throws IOException {
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
                : results.get(0).runId();
        Path dir;
        try {
            dir = out != null ? out : Path.of("reports", RunIds.check(runId));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(csv + " names its run '" + runId + "', which cannot name a report directory: "
                    + "pass --out DIR.", e);
        }
        ReportWriter.write(csv, dir);
        System.out.println("Report: " + dir.resolve(ReportWriter.MARKDOWN) + " and " + dir.resolve(ReportWriter.HTML));
        return 0;
    }
}
