package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.scaling.ScalingCsv;

/**
 * Baseline and candidate checked against each other: the file kinds both have, of the same schema version,
 * turned into comparable cells. Kinds present on one side only are noted, not compared.
 */
record RunPair(List<ComparableCell> baseline, List<ComparableCell> candidate, List<String> notes) {

    static RunPair load(List<RunInput> baseline, List<RunInput> candidate, String reference, TimeMeasure time) {
        List<ComparableCell> base = new ArrayList<>();
        List<ComparableCell> cand = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        RunInput b0 = baseline.get(0);
        RunInput c0 = candidate.get(0);
        sameKinds(baseline);
        sameKinds(candidate);
        boolean results = bothHave("results", b0.results(), c0.results(), notes);
        boolean scaling = bothHave("scaling", b0.scaling(), c0.scaling(), notes);
        if (time == TimeMeasure.CPU) {
            noteClocks(baseline, candidate, notes);
        }
        if (!results && !scaling) {
            throw new CompareInputException("Nothing to match: the baseline " + b0.path() + " has "
                    + kinds(b0) + " and the candidate " + c0.path() + " has " + kinds(c0)
                    + ". Compare two reproduce runs (results.csv) or two scaling runs (scaling.csv).");
        }
        if (results) {
            // results schemas only add columns (an older file reads with them empty), so versions 1.. compare
            Set<String> versions = new java.util.TreeSet<>();
            concat(baseline, candidate).forEach(in -> versions.addAll(in.results().schemaVersions()));
            if (versions.contains("0")) {
                checkVersions(files(baseline, RunInput::results), files(candidate, RunInput::results));
            } else if (versions.size() > 1) {
                notes.add("results.csv schema versions " + String.join(" and ", versions) + " are compared: the "
                        + "columns added since the older one are empty on its side.");
            }
            for (RunInput in : concat(baseline, candidate)) {
                for (String v : in.results().schemaVersions()) {
                    if (!v.matches("\\d+") || Integer.parseInt(v) > CellResult.SCHEMA_VERSION) {
                        throw new CompareInputException(in.results().file() + " has schema version " + v + " but this "
                                + "fmmbench reads results up to version " + CellResult.SCHEMA_VERSION
                                + ": use a newer fmmbench.");
                    }
                }
            }
            baseline.forEach(in -> base.addAll(ResultsCells.of(in, reference, time)));
            candidate.forEach(in -> cand.addAll(ResultsCells.of(in, reference, time)));
        }
        if (scaling) {
            checkVersions(files(baseline, RunInput::scaling), files(candidate, RunInput::scaling));
            for (RunInput in : concat(baseline, candidate)) {
                RunInput.VersionedCsv f = in.scaling();
                if (!f.schemaVersions().stream().allMatch(ScalingCsv.SCHEMA_VERSION::equals)) {
                    throw new CompareInputException(f.file() + " has scaling schema version "
                            + String.join(", ", f.schemaVersions()) + " but this fmmbench reads version "
                            + ScalingCsv.SCHEMA_VERSION + ": compare it with the fmmbench that wrote it.");
                }
            }
            baseline.forEach(in -> base.addAll(ScalingCells.of(in, reference, time)));
            candidate.forEach(in -> cand.addAll(ScalingCells.of(in, reference, time)));
        }
        if (base.isEmpty() || cand.isEmpty()) {
            throw new CompareInputException("Nothing to match: the " + (base.isEmpty() ? "baseline " + b0.path()
                    : "candidate " + c0.path()) + " has no rows. Pass a run that has finished some cells.");
        }
        Set<String> baseIds = new java.util.HashSet<>(base.stream().map(ComparableCell::id).toList());
        if (cand.stream().noneMatch(c -> baseIds.contains(c.id()))) {
            throw new CompareInputException("Nothing to match: no cell of the candidate " + c0.path()
                    + " (e.g. '" + cand.get(0).id() + "') is in the baseline " + b0.path() + " (e.g. '"
                    + base.get(0).id() + "'). Cells match by task, row, profile and seed (results) or by variant, "
                    + "N, B, H, d, causality and mode (scaling).");
        }
        return new RunPair(base, cand, notes);
    }

    /**
     * Normalised ratios need the reference in both runs; without it every ratio would silently go ungated, so a
     * misspelt {@code --reference-variant} is refused instead.
     */
    void requireReference(String reference) {
        for (List<ComparableCell> side : List.of(baseline, candidate)) {
            if (side.stream().noneMatch(ComparableCell::reference)) {
                throw new CompareInputException("--reference-variant '" + reference + "' matches no cell of the "
                        + (side == baseline ? "baseline" : "candidate") + ": name a row or variant spec present in "
                        + "both runs (e.g. softmax), or compare raw numbers with --raw.");
            }
        }
    }

    /** Runs whose calibrations name different CPU clocks: their step times are not read alike (CpuClock). */
    private static void noteClocks(List<RunInput> baseline, List<RunInput> candidate, List<String> notes) {
        Map<String, String> clocks = new LinkedHashMap<>();
        concat(baseline, candidate).stream().filter(in -> in.calibration() != null)
                .forEach(in -> clocks.put(in.label(), in.calibration().cpuClock()));
        if (Set.copyOf(clocks.values()).size() > 1) {
            notes.add("CPU time was read on different clocks " + clocks + ": the thread clock "
                    + "leaves out the JVM's JIT and GC threads that the process clock counts, so a cell can read "
                    + "faster on it with unchanged code. Regenerate the baseline with this fmmbench to compare alike.");
        }
    }

    private static boolean bothHave(String kind, RunInput.VersionedCsv base, RunInput.VersionedCsv cand, List<String> notes) {
        if (base != null && cand != null) {
            return true;
        }
        if (base != null || cand != null) {
            notes.add(kind + " file only in the " + (base != null ? "baseline" : "candidate") + " ("
                    + (base != null ? base : cand).file() + "): not compared.");
        }
        return false;
    }

    private static void checkVersions(List<RunInput.VersionedCsv> base, List<RunInput.VersionedCsv> cand) {
        for (RunInput.VersionedCsv b : base) {
            for (RunInput.VersionedCsv c : cand) {
                if (!b.schemaVersions().equals(c.schemaVersions())) {
                    throw new CompareInputException("Schema versions differ: the baseline " + b.file() + " has "
                            + "schema version " + String.join(", ", b.schemaVersions()) + " and the candidate "
                            + c.file() + " has " + String.join(", ", c.schemaVersions()) + ". Columns may mean "
                            + "different things: re-run the baseline with the candidate's fmmbench version.");
                }
            }
        }
    }

    /** Repeats of one side must be runs of one kind, or some cells would have repeats of another run's kind. */
    private static void sameKinds(List<RunInput> runs) {
        for (RunInput in : runs) {
            if ((in.results() == null) != (runs.get(0).results() == null)
                    || (in.scaling() == null) != (runs.get(0).scaling() == null)) {
                throw new CompareInputException("The " + in.role() + " repeats differ in kind: " + runs.get(0).path()
                        + " has " + kinds(runs.get(0)) + " but " + in.path() + " has " + kinds(in) + ". Keep only "
                        + "runs of one command side by side.");
            }
        }
    }

    private static List<RunInput.VersionedCsv> files(List<RunInput> runs, Function<RunInput, RunInput.VersionedCsv> kind) {
        return runs.stream().map(kind).toList();
    }

    private static List<RunInput> concat(List<RunInput> a, List<RunInput> b) {
        List<RunInput> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String kinds(RunInput in) {
        List<String> k = new ArrayList<>();
        if (in.results() != null) {
            k.add("results.csv");
        }
        if (in.scaling() != null) {
            k.add("scaling.csv");
        }
        return String.join(" and ", k);
    }
}
