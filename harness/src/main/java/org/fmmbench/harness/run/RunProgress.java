package org.fmmbench.harness.run;

import org.fmmbench.harness.results.CellResult;

/** What a running matrix tells its user. */
public interface RunProgress {
    /** A child JVM starts preparing the data of {@code cell} and the later cells that share it. */
    default void dataPreparing(PlannedCell cell) {
    }

    /** @param problem why the preparation failed, or {@code null} when the data is ready */
    default void dataPrepared(PlannedCell cell, double seconds, String problem) {
    }

    /** Something about {@code cell} the user should know that is not its result (a retry, an unreadable file). */
    default void notice(PlannedCell cell, String message) {
    }

    void cellStarted(PlannedCell cell, int cellsTotal);

    void cellProgress(PlannedCell cell, ProgressEvent event);

    /** @param reused the result is from an earlier attempt and the cell did not run again */
    void cellFinished(PlannedCell cell, CellResult result, boolean reused);
}
