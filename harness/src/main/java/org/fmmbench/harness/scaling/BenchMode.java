package org.fmmbench.harness.scaling;

import org.fmmbench.harness.bench.AttentionForwardBackwardBenchmark;
import org.fmmbench.harness.bench.AttentionForwardBenchmark;
import org.fmmbench.harness.results.LowerCaseLabel;

/** What one scaling cell times, and the JMH benchmark method that does it; the label names it in CSV and CLI. */
public enum BenchMode implements LowerCaseLabel {
    FWD(AttentionForwardBenchmark.class, "forward"),
    FWDBWD(AttentionForwardBackwardBenchmark.class, "forwardBackward");

    private final Class<?> benchmarkClass;
    private final String method;

    BenchMode(Class<?> benchmarkClass, String method) {
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    /** JMH's name of the benchmark, {@code class.method}. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + method;
    }

    public static BenchMode parse(String text) {
        return LowerCaseLabel.parse(BenchMode.class, text, "Unknown mode '%s': use fwd, fwdbwd or both (fwd,fwdbwd).");
    }

    @Override
    public String toString() {
        return label();
    }
}
