package org.fmmbench.harness.scaling;

import java.util.Locale;

/**
 * Which time per operation the roofline and the targets read. Wall time is JMH's score; process CPU time also
 * counts the per-invocation input fixtures, GC and JIT, but not time lost to other tenants of a loaded machine.
 */
public enum TimeBasis {
    WALL("wall"),
    CPU("cpu");

    private final String label;

    TimeBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The chosen time of a measurement, in ms per operation (NaN if not measured). */
    public double ms(CellMeasurement m) {
        return this == WALL ? m.medianMs() : m.cpuMs();
    }

    public static TimeBasis parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TimeBasis b : values()) {
            if (b.label.equals(t)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown time basis '" + text + "': use wall or cpu.");
    }

    @Override
    public String toString() {
        return label;
    }
}
