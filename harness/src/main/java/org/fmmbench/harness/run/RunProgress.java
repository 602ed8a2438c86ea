package org.fmmbench.harness.run;

import org.fmmbench.harness.results.CellResult;

/** What a running matrix tells its user. */
public interface RunProgress {
    void cellStarted(PlannedCell cell, int cellsTotal);

    void cellProgress(PlannedCell cell, ProgressEvent event);

    /** @param reused the result is from an earlier attempt and the cell did not run again */
    void cellFinished(PlannedCell cell, CellResult result, boolean reused);
}
