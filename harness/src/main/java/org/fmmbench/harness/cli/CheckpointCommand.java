package org.fmmbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fmmbench.harness.run.CheckpointPolicy;
import org.fmmbench.harness.train.CheckpointSummary;
import org.fmmbench.harness.train.Checkpointing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code checkpoint PATH}: what an unfinished (or kept) cell's checkpoint holds, as a CSV of parameter summaries. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Reads a cell's checkpoint without resuming it: the steps it completed, its best validation, "
                + "and per parameter (name matching --params) its size, mean, minimum and maximum as CSV."})
final class CheckpointCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "A checkpoint file, or a cell directory holding "
            + Checkpointing.FILE_NAME + ".")
    Path path;

    @Option(names = "--params", paramLabel = "REGEX", defaultValue = ".*",
            description = "Summarise the parameters whose name contains a match of REGEX, e.g. "
                    + "'(near|far)_weight' (default: all).")
    String params;

    @Option(names = "--best", description = "The parameters of the best validation instead of the last step's.")
    boolean best;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file = Files.isDirectory(path) ? CheckpointPolicy.checkpointFile(path) : path;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("No checkpoint at " + file + ": a cell keeps one only while it is unfinished, "
                    + "or after it ends ok when run with --keep-checkpoints.");
        }
        Pattern names;
        try {
            names = Pattern.compile(params);
        } catch (PatternSyntaxException e) {
            throw new BadInputException("--params is not a regular expression: " + e.getDescription() + " in '"
                    + params + "'.", e);
        }
        CheckpointSummary summary;
        try {
            summary = BadInputException.ifRejected(() -> CheckpointSummary.read(file, n -> names.matcher(n).find(),
                    best));
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "checkpoint after step %d, config hash %s%n", summary.completedSteps(),
                summary.configHash());
        out.println(bestValidation(summary));
        out.println("parameters of " + (best ? "the best validation" : "the last step") + ":");
        // Commons CSV quotes a parameter name should it ever hold a comma; '\n' keeps the terminal output plain.
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader("parameter", "size", "mean", "min", "max").get().print(out);
        for (CheckpointSummary.ParameterStats p : summary.parameters()) {
            csv.printRecord(p.name(), p.size(), fixed(p.mean()), fixed(p.min()), fixed(p.max()));
        }
        csv.flush();
        return 0;
    }

    private static String bestValidation(CheckpointSummary summary) {
        if (summary.bestStep() == 0) {
            return "no validation yet";
        }
        boolean accuracy = Double.isNaN(summary.bestPerplexity());
        return String.format(Locale.ROOT, "best validation at step %d: %s %.4f", summary.bestStep(),
                accuracy ? "accuracy" : "perplexity", accuracy ? summary.bestAccuracy() : summary.bestPerplexity());
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
