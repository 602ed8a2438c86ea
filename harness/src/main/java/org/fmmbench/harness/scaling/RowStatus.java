package org.fmmbench.harness.scaling;

import org.fmmbench.harness.results.LowerCaseLabel;

/** Outcome of one scaling cell, as written in the CSV's {@code status} column. */
public enum RowStatus implements LowerCaseLabel {
    OK,
    /** Not run: its estimated memory exceeds the budget. */
    SKIPPED_OOM,
    /** Run, but JMH reported an error (the detail column says which). */
    FAILED;

    public static RowStatus parse(String text) {
        return LowerCaseLabel.parse(RowStatus.class, text, "Unknown status '%s': expected ok, skipped-oom or failed.");
    }
}
