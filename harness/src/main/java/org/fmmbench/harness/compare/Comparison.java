package org.fmmbench.harness.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fmmbench.harness.results.AtomicFiles;

/**
 * One comparison of two runs, as {@code fmmbench compare} asks for it: locate both sides' runs, match their cells,
 * judge them, and write the Markdown table (and the chart) without touching either side's input files.
 *
 * @param baseline run directory, results.csv or scaling.csv, or a directory of repeats; {@code candidate} likewise
 * @param output where the table is written; {@code null}: {@code compare.md} beside the candidate
 * @param chart where the PNG of the deltas is written, or {@code null} for none
 */
public record Comparison(Path baseline, Path candidate, Tolerances tolerances, String reference, TimeMeasure time,
        boolean allowConfigChange, boolean raw, Path output, Path chart) {

    /**
     * @param markdown the table, as written to {@code written}
     * @param regressed whether a cell or row pool is outside tolerance
     */
    public record Outcome(String markdown, Path written, boolean regressed) {
    }

    /**
     * Compares and writes.
     *
     * @throws IllegalArgumentException naming the input problem and its fix (missing run, schema mismatch,
     *         nothing to match, an output that is one of the inputs or cannot be written)
     */
    public Outcome run() {
        List<RunInput> base = RunInput.locateRuns("baseline", baseline);
        List<RunInput> cand = RunInput.locateRuns("candidate", candidate);
        List<RunInput> all = new ArrayList<>(base);
        all.addAll(cand);
        Path target = output != null ? output : defaultOutput();
        refuseOverwriting(target, all);
        if (chart != null) {
            refuseOverwriting(chart, all);
        }
        RunPair pair = RunPair.load(base, cand, reference, time);
        if (!raw) {
            pair.requireReference(reference);
        }
        ComparisonResult result = new RunComparator(tolerances, raw, time, allowConfigChange)
                .compare(pair.baseline(), pair.candidate(), pair.notes());
        String markdown = ComparisonTable.markdown(result, new ComparisonTable.Settings(baseline.toString(),
                candidate.toString(), reference, raw, time, tolerances, base.size(), cand.size()));
        write(target, result, markdown);
        return new Outcome(markdown, target, result.regressed());
    }

    /** Output problems are the user's to fix (a directory given as file, no permission): bad input, not a crash. */
    private void write(Path target, ComparisonResult result, String markdown) {
        try {
            AtomicFiles.writeString(target, markdown);
        } catch (IOException e) {
            throw new CompareInputException("Cannot write " + target + " (" + e + "): pass a writable --output FILE.", e);
        }
        if (chart != null) {
            try {
                DeltaChart.write(result, raw, chart);
            } catch (IOException e) {
                throw new CompareInputException("Cannot write the chart " + chart + " (" + e + "): pass a writable "
                        + "--chart FILE.", e);
            }
        }
    }

    /** An output path that is one of the inputs would destroy a run's results. */
    private static void refuseOverwriting(Path file, List<RunInput> inputs) {
        for (RunInput in : inputs) {
            for (RunInput.VersionedCsv csv : Arrays.asList(in.results(), in.scaling())) {
                if (csv != null && csv.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                    throw new CompareInputException(file + " is the " + in.role() + "'s input file: write the "
                            + "table (--output) or chart (--chart) somewhere else.");
                }
            }
        }
    }

    private Path defaultOutput() {
        Path dir = Files.isDirectory(candidate) ? candidate : candidate.toAbsolutePath().getParent();
        return dir.resolve("compare.md");
    }
}
