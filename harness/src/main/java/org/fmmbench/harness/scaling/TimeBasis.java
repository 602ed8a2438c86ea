package org.fmmbench.harness.scaling;

import org.fmmbench.harness.results.LowerCaseLabel;

/**
 * Which time per operation the roofline and the targets read. Wall time is JMH's score; CPU time is the benchmark
 * thread's CPU inside the operation ({@code thread_cpu_ms}), which leaves out what other tenants of a loaded
 * machine take from it, and also the input fixtures, JIT, GC and the profilers that process CPU time counts.
 */
public enum TimeBasis implements LowerCaseLabel {
    WALL,
    CPU;

    /** The chosen time of a measurement, in ms per operation (NaN if not measured). */
    public double ms(CellMeasurement m) {
        return this == WALL ? m.medianMs() : m.threadCpuMs();
    }

    public static TimeBasis parse(String text) {
        return LowerCaseLabel.parse(TimeBasis.class, text, "Unknown time basis '%s': use wall or cpu.");
    }

    @Override
    public String toString() {
        return label();
    }
}
