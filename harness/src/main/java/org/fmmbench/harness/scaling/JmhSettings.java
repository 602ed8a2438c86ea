package org.fmmbench.harness.scaling;

import java.time.Duration;

/**
 * How JMH runs each scaling cell. Every cell runs in its own fork(s), so peak memory is per configuration.
 * An iteration lasts at least its time and at least one operation, so slow cells (seconds per operation) run
 * exactly one operation per iteration.
 */
public record JmhSettings(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
        Duration measurementTime) {

    public JmhSettings {
        if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
            throw new IllegalArgumentException("JMH settings need forks >= 0, warm-up iterations >= 0 and "
                    + "measurement iterations >= 1, got " + forks + ", " + warmupIterations + ", " + measurementIterations);
        }
        if (warmupTime.isNegative() || warmupTime.isZero() || measurementTime.isNegative() || measurementTime.isZero()) {
            throw new IllegalArgumentException("Iteration times must be positive, got warm-up " + warmupTime
                    + " and measurement " + measurementTime);
        }
    }

    /** The full run: 1 fork, 2 x 1 s warm-up, 5 x 1 s measured. */
    public static JmhSettings full() {
        return new JmhSettings(1, 2, Duration.ofSeconds(1), 5, Duration.ofSeconds(1));
    }

    /** The CI run: 1 fork, 1 x 0.2 s warm-up, 3 x 0.2 s measured. */
    public static JmhSettings quick() {
        return new JmhSettings(1, 1, Duration.ofMillis(200), 3, Duration.ofMillis(200));
    }

    /** Recorded in every CSV row, e.g. {@code forks=1 warmup=2x1000ms measurement=5x1000ms mode=avgt}. */
    public String describe() {
        return "forks=" + forks + " warmup=" + warmupIterations + "x" + warmupTime.toMillis() + "ms measurement="
                + measurementIterations + "x" + measurementTime.toMillis() + "ms mode=avgt";
    }
}
