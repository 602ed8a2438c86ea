package org.fmmbench.harness.run;

import java.util.Locale;
import java.util.Optional;

/**
 * A progress report of a running cell. A child process prints one per line on its stdout, prefixed with
 * {@link #PREFIX} so the parent can tell them from anything else the child prints.
 *
 * @param valAccuracy the latest validation accuracy, NaN before the first evaluation
 */
public record ProgressEvent(int step, int totalSteps, double loss, long elapsedMs, double valAccuracy) {
    public static final String PREFIX = "@@fmmbench-progress ";

    public String toLine() {
        return String.format(Locale.ROOT, "%s%d %d %s %d %s", PREFIX, step, totalSteps, loss, elapsedMs, valAccuracy);
    }

    /** The event of a protocol line; empty for any other line. */
    public static Optional<ProgressEvent> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        try {
            return Optional.of(new ProgressEvent(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
