package org.fmmbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.ResultsCsv;

/**
 * The cells of one run's {@code results.csv}, read once, with the run directory that holds their curves.
 *
 * @param dir the run directory: the folder of {@code results.csv}, with {@code cells/<cell_id>/curve.csv}
 */
public record RunResults(Path dir, List<CellResult> cells) {
    public RunResults {
        cells = List.copyOf(cells);
    }

    public static RunResults read(Path resultsCsv) throws IOException {
        return new RunResults(resultsCsv.toAbsolutePath().getParent(), ResultsCsv.read(resultsCsv));
    }

    /** The run id its cells carry, or the folder's name when no cell has finished. */
    public String runId() {
        return cells.isEmpty() ? dir.getFileName().toString() : cells.get(0).identity().runId();
    }
}
