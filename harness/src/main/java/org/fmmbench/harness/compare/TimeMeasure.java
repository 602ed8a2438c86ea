package org.fmmbench.harness.compare;

import org.fmmbench.harness.results.LowerCaseLabel;

/**
 * Which clock a comparison's step time is read from. CPU time is the default: on a shared machine wall-clock
 * also counts the time a step waited for a core, which made identical runs here differ up to 8x per cell, while
 * CPU time stayed within 1.6x (README "Tolerances").
 */
public enum TimeMeasure implements LowerCaseLabel {
    /**
     * CPU time per step ({@code step_cpu_ms_median}, on the run's {@code CpuClock}) or per benchmark op
     * ({@code cpu_ms}).
     */
    CPU,
    /** Wall-clock per step ({@code step_ms_median}) or per benchmark op ({@code median_ms}). */
    WALL
}
