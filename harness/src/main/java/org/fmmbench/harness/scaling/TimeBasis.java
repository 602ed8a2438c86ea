package org.fmmbench.harness.scaling;

import org.fmmbench.harness.results.LowerCaseLabel;

/**
 * Which time per operation the roofline and the targets read. Wall time is JMH's score; process CPU time also
 * counts the per-invocation input fixtures, GC and JIT, but not time lost to other tenants of a loaded machine.
 */
public enum TimeBasis implements LowerCaseLabel {
    WALL,
    CPU;

    /** The chosen time of a measurement, in ms per operation (NaN if not measured). */
    public double ms(CellMeasurement m) {
        return this == WALL ? m.medianMs() : m.cpuMs();
    }

    public static TimeBasis parse(String text) {
        return LowerCaseLabel.parse(TimeBasis.class, text, "Unknown time basis '%s': use wall or cpu.");
    }

    @Override
    public String toString() {
        return label();
    }
}
