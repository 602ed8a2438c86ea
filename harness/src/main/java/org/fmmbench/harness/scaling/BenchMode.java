package org.fmmbench.harness.scaling;

import java.util.Locale;
import org.fmmbench.harness.bench.AttentionForwardBackwardBenchmark;
import org.fmmbench.harness.bench.AttentionForwardBenchmark;

/** What one scaling cell times, and the JMH benchmark method that does it. */
public enum BenchMode {
    FWD("fwd", AttentionForwardBenchmark.class, "forward"),
    FWDBWD("fwdbwd", AttentionForwardBackwardBenchmark.class, "forwardBackward");

    private final String label;
    private final Class<?> benchmarkClass;
    private final String method;

    BenchMode(String label, Class<?> benchmarkClass, String method) {
        this.label = label;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    /** The name used on the command line and in the CSV. */
    public String label() {
        return label;
    }

    /** JMH's name of the benchmark, {@code class.method}. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + method;
    }

    public static BenchMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (BenchMode m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + text + "': use fwd, fwdbwd or both (fwd,fwdbwd).");
    }

    @Override
    public String toString() {
        return label;
    }
}
