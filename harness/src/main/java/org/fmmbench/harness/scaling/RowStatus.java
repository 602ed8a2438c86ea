package org.fmmbench.harness.scaling;

/** Outcome of one scaling cell, as written in the CSV's {@code status} column. */
public enum RowStatus {
    OK("ok"),
    /** Not run: its estimated memory exceeds the budget. */
    SKIPPED_OOM("skipped-oom"),
    /** Run, but JMH reported an error (the detail column says which). */
    FAILED("failed");

    private final String label;

    RowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RowStatus parse(String text) {
        for (RowStatus s : values()) {
            if (s.label.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown status '" + text + "': expected ok, skipped-oom or failed.");
    }
}
