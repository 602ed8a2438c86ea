package org.fmmbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fmmbench.harness.compare.Comparison;
import org.fmmbench.harness.compare.TimeMeasure;
import org.fmmbench.harness.compare.Tolerances;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare BASELINE CANDIDATE}: matches the cells of two runs and prints a Markdown table of accuracy or
 * perplexity deltas, step-time and peak-memory ratios and status changes. Exit 0 within tolerance, 1 on a
 * regression, 2 on bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares two runs (directories or their results.csv / scaling.csv) cell by cell and "
                + "prints a Markdown table: accuracy or perplexity delta, step-time and peak-memory ratios "
                + "(candidate / baseline), status changes, cells only in one run.",
                "A directory of run directories is a set of repeats: with 3 or more baseline repeats, time and "
                + "memory are judged by bootstrap intervals instead of the tolerances.",
                "Exit status: 0 within tolerance, 1 regression (offending cells listed first; also a cell missing "
                + "from the candidate, a changed config hash or data fingerprint), 2 bad input."})
final class CompareCommand implements Callable<Integer> {
    static final int EXIT_REGRESSION = 1;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "Run directory, results.csv or scaling.csv.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "Run directory, results.csv or scaling.csv.")
    Path candidate;

    @Option(names = "--acc-tolerance", paramLabel = "POINTS", defaultValue = Tolerances.DEFAULT_ACCURACY_POINTS,
            description = "Largest allowed drop of test accuracy, percentage points (default: ${DEFAULT-VALUE}).")
    double accTolerance;

    @Option(names = "--ppl-tolerance", paramLabel = "PPL", defaultValue = Tolerances.DEFAULT_PERPLEXITY,
            description = "Largest allowed rise of test perplexity, absolute (default: ${DEFAULT-VALUE}).")
    double pplTolerance;

    @Option(names = "--time-tolerance", paramLabel = "RATIO", defaultValue = Tolerances.DEFAULT_TIME_RATIO,
            description = "Largest allowed step-time ratio candidate / baseline (default: ${DEFAULT-VALUE}).")
    double timeTolerance;

    @Option(names = "--memory-tolerance", paramLabel = "RATIO", defaultValue = Tolerances.DEFAULT_MEMORY_RATIO,
            description = "Largest allowed peak-memory ratio candidate / baseline (default: ${DEFAULT-VALUE}).")
    double memoryTolerance;

    @Option(names = "--memory-floor", paramLabel = "MIB", defaultValue = Tolerances.DEFAULT_MEMORY_FLOOR_MIB,
            description = "A peak-memory rise of this many MiB or less is never a regression, whatever the ratio: "
                    + "the noise of the resident set (default: ${DEFAULT-VALUE}).")
    double memoryFloor;

    @Option(names = "--pooled-time-tolerance", paramLabel = "RATIO",
            defaultValue = Tolerances.DEFAULT_POOLED_TIME_RATIO,
            description = "Largest allowed step-time ratio of a row pooled over its cells (geometric mean over tasks "
                    + "and seeds, calibrated): catches slow-downs of a row or of every row that one cell's clock "
                    + "ticks hide (default: ${DEFAULT-VALUE}).")
    double pooledTimeTolerance;

    @Option(names = "--reference-variant", paramLabel = "ROW|SPEC", defaultValue = "softmax",
            description = "Row name or variant spec whose time and memory normalise the others of the same run "
                    + "(default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--time", paramLabel = "cpu|wall", defaultValue = "cpu",
            description = "Step time to compare: process CPU time (default: ${DEFAULT-VALUE}; steady on a shared "
                    + "machine) or wall-clock (what a user waits; use it on a dedicated machine).")
    TimeMeasure time;

    @Option(names = "--allow-config-change", description = "Accept cells whose configuration hash or data "
            + "fingerprint differs between the runs (a note instead of a regression): for a change meant to alter "
            + "what a cell runs.")
    boolean allowConfigChange;

    @Option(names = "--raw", description = "Compare raw times and memory instead of normalised ones (only "
            + "meaningful when both runs used the same machine).")
    boolean raw;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the Markdown table too (default: compare.md beside the candidate).")
    Path output;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also draw the deltas as a PNG.")
    Path chart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Comparison.Outcome outcome = BadInputException.ifRejected(() -> new Comparison(baseline, candidate,
                new Tolerances(accTolerance, pplTolerance, timeTolerance, memoryTolerance, memoryFloor,
                        pooledTimeTolerance), reference, time, allowConfigChange, raw, output, chart).run());
        PrintWriter out = spec.commandLine().getOut();
        out.print(outcome.markdown());
        out.println();
        out.println("Written to " + outcome.written() + (chart != null ? " and " + chart : "") + ".");
        out.flush();
        return outcome.regressed() ? EXIT_REGRESSION : 0;
    }
}
