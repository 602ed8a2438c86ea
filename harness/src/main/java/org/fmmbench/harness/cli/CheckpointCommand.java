package org.fmmbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
        out.println(summary.bestStep() == 0 ? "no validation yet" : String.format(Locale.ROOT,
                "best validation at step %d: %s", summary.bestStep(), Double.isNaN(summary.bestPerplexity())
                        ? String.format(Locale.ROOT, "accuracy %.4f", summary.bestAccuracy())
                        : String.format(Locale.ROOT, "perplexity %.4f", summary.bestPerplexity())));
        out.println("parameters of " + (best ? "the best validation" : "the last step") + ":");
        out.println("parameter,size,mean,min,max");
        for (CheckpointSummary.ParameterStats p : summary.parameters()) {
            out.printf(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f%n", p.name(), p.size(), p.mean(), p.min(), p.max());
        }
        out.flush();
        return 0;
    }
}
