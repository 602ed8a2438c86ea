package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.scaling.ScalingCsv;

/**
 * Baseline and candidate checked against each other: the file kinds both have, of the same schema version,
 * turned into comparable cells. Kinds present on one side only are noted, not compared.
 */
record RunPair(List<ComparableCell> baseline, List<ComparableCell> candidate, List<String> notes) {

    static RunPair load(RunInput baseline, RunInput candidate, String reference, TimeMeasure time) {
        List<ComparableCell> base = new ArrayList<>();
        List<ComparableCell> cand = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean results = bothHave("results", baseline.results(), candidate.results(), notes);
        boolean scaling = bothHave("scaling", baseline.scaling(), candidate.scaling(), notes);
        if (!results && !scaling) {
            throw new CompareInputException("Nothing to match: the baseline " + baseline.path() + " has "
                    + kinds(baseline) + " and the candidate " + candidate.path() + " has " + kinds(candidate)
                    + ". Compare two reproduce runs (results.csv) or two scaling runs (scaling.csv).");
        }
        if (results) {
            checkVersions(baseline.results(), candidate.results());
            for (RunInput.CsvFile f : List.of(baseline.results(), candidate.results())) {
                for (String v : f.schemaVersions()) {
                    if (!v.matches("\\d+") || Integer.parseInt(v) > CellResult.SCHEMA_VERSION) {
                        throw new CompareInputException(f.file() + " has schema version " + v + " but this fmmbench "
                                + "reads results up to version " + CellResult.SCHEMA_VERSION + ": use a newer fmmbench.");
                    }
                }
            }
            base.addAll(ResultsCells.of(baseline.readResults(), reference, time));
            cand.addAll(ResultsCells.of(candidate.readResults(), reference, time));
        }
        if (scaling) {
            checkVersions(baseline.scaling(), candidate.scaling());
            for (RunInput.CsvFile f : List.of(baseline.scaling(), candidate.scaling())) {
                if (!f.schemaVersions().stream().allMatch(ScalingCsv.SCHEMA_VERSION::equals)) {
                    throw new CompareInputException(f.file() + " has scaling schema version "
                            + String.join(", ", f.schemaVersions()) + " but this fmmbench reads version "
                            + ScalingCsv.SCHEMA_VERSION + ": compare it with the fmmbench that wrote it.");
                }
            }
            base.addAll(ScalingCells.of(baseline.readScaling(), reference, time));
            cand.addAll(ScalingCells.of(candidate.readScaling(), reference, time));
        }
        if (base.isEmpty() || cand.isEmpty()) {
            throw new CompareInputException("Nothing to match: the " + (base.isEmpty() ? "baseline " + baseline.path()
                    : "candidate " + candidate.path()) + " has no rows. Pass a run that has finished some cells.");
        }
        Set<String> baseIds = new java.util.HashSet<>(base.stream().map(ComparableCell::id).toList());
        if (cand.stream().noneMatch(c -> baseIds.contains(c.id()))) {
            throw new CompareInputException("Nothing to match: no cell of the candidate " + candidate.path()
                    + " (e.g. '" + cand.get(0).id() + "') is in the baseline " + baseline.path() + " (e.g. '"
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

    private static boolean bothHave(String kind, RunInput.CsvFile base, RunInput.CsvFile cand, List<String> notes) {
        if (base != null && cand != null) {
            return true;
        }
        if (base != null || cand != null) {
            notes.add(kind + " file only in the " + (base != null ? "baseline" : "candidate") + " ("
                    + (base != null ? base : cand).file() + "): not compared.");
        }
        return false;
    }

    private static void checkVersions(RunInput.CsvFile base, RunInput.CsvFile cand) {
        if (!base.schemaVersions().equals(cand.schemaVersions())) {
            throw new CompareInputException("Schema versions differ: the baseline " + base.file() + " has schema "
                    + "version " + String.join(", ", base.schemaVersions()) + " and the candidate " + cand.file()
                    + " has " + String.join(", ", cand.schemaVersions()) + ". Columns may mean different things: "
                    + "re-run the baseline with the candidate's fmmbench version.");
        }
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
