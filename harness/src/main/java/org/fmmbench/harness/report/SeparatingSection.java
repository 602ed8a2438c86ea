package org.fmmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fmmbench.harness.train.ReportSection;
import org.fmmbench.tasks.recall.RecallSequences;
import org.fmmbench.harness.results.ReportDocument;

/**
 * The separating smoke tasks (far-recall, near-recall): each needs one half of FMMformer attention, so their test
 * accuracies show which rows have a working far and near field. Apart from the LRA table: the paper has no such
 * task, and they must not enter an LRA average.
 */
final class SeparatingSection {
    private SeparatingSection() {
    }

    static void write(ReportDocument doc, RunSummary s) {
        // Sorted: far-recall before near-recall whatever order the cells ran in.
        List<String> tasks = s.tasksIn(ReportSection.SEPARATING).stream().sorted().toList();
        doc.heading(2, "Separating tasks: far and near field");
        doc.paragraph(String.format(Locale.ROOT, "Test accuracy (%%) of the best-validation parameters over the "
                + "scored second half of each row. far-recall needs the far field (a key more positions back than "
                + "the band reaches; chance %.0f%%), near-recall the near field (the majority of the last %d "
                + "symbols; chance 50%%, and the current symbol alone, all the attention-free row none sees, gives "
                + "11/16 = 68.75%%). A row at that level on one of them has lost that field.",
                100.0 / RecallSequences.KEYS, RecallSequences.WINDOW));
        List<String> header = new ArrayList<>(List.of("row"));
        header.addAll(tasks);
        List<List<String>> rows = new ArrayList<>();
        for (String row : s.rowsOf(tasks)) {
            List<String> cells = new ArrayList<>(List.of(row));
            for (String task : tasks) {
                Double acc = s.mean(task, row, cell -> cell.metrics().testAccBest());
                cells.add(acc == null ? "" : String.format(Locale.ROOT, "%.1f", 100 * acc));
            }
            rows.add(cells);
        }
        doc.table(header, rows);
    }
}
