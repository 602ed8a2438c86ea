package org.fmmbench.harness.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a cell ended. Every cell ends with exactly one. */
public enum CellStatus {
    /** Trained and evaluated. */
    OK(true),
    /** Out of memory: Java heap, native allocation, or killed by signal 9. */
    OOM(true),
    /** Still running when the cell timeout expired; stopped. */
    TIMEOUT(false),
    /** Training loss became NaN or infinite. */
    DIVERGED(true),
    /** Any other error; the detail holds its first line. */
    FAILED(false),
    /** Not run, e.g. because its data is missing; the detail says why. */
    SKIPPED(false);

    private final boolean keptOnResume;

    CellStatus(boolean keptOnResume) {
        this.keptOnResume = keptOnResume;
    }

    /**
     * Whether a resumed run keeps this outcome instead of running the cell again. Outcomes that are
     * properties of the configuration (ok, oom, diverged) are kept; outcomes that may change when the
     * machine, the data or the code changes (timeout, failed, skipped) are retried.
     */
    public boolean keptOnResume() {
        return keptOnResume;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CellStatus fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
