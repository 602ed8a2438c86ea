package org.fmmbench.harness.report;

import java.util.List;
import java.util.Objects;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.profile.TaskProfile;
import org.fmmbench.harness.results.CellResult;

/**
 * Whether a run's numbers on a task measure the same thing as the paper's: every cell of the task ran the
 * {@code paper} profile for its full number of steps on the paper's data. Only then may a chart put a paper number
 * beside a run's; stand-in data or a reduced scale (smoke, cpu, {@code --max-steps}) get a separate, labelled table.
 */
final class PaperScale {
    private static final Profile PAPER = ProfileLoader.load("paper");

    private PaperScale() {
    }

    static boolean comparable(RunSummary s, PaperResults paper, String task) {
        TaskProfile full = PAPER.tasks().stream().filter(t -> t.task().equals(task)).findFirst().orElse(null);
        List<CellResult> cells = s.results().stream().filter(r -> r.identity().task().equals(task)).toList();
        return full != null && !cells.isEmpty()
                && cells.stream().allMatch(r -> PAPER.name().equals(r.identity().profile())
                && Objects.equals(r.metrics().steps(), full.train().steps()) && r.config().dataSource() != null
                && paper.isPaperData(task, r.config().dataSource()));
    }

    /** Why a task's numbers are not comparable with the paper's, for the label of the separate table. */
    static String reason(RunSummary s, PaperResults paper, String task) {
        List<CellResult> cells = s.results().stream().filter(r -> r.identity().task().equals(task)).toList();
        boolean standIn = cells.stream().anyMatch(r -> r.config().dataSource() != null && !paper.isPaperData(task,
                r.config().dataSource()));
        boolean reduced = cells.stream().anyMatch(r -> !PAPER.name().equals(r.identity().profile()));
        return standIn && reduced ? "stand-in data, reduced scale" : standIn ? "stand-in data" : "reduced scale";
    }
}
