package org.fmmbench.harness.profile;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads durations written the way people type them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 14d} or ISO {@code PT10M}. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            Duration d = Duration.parse(t.startsWith("P") ? t : iso(t));
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Duration '" + text + "' must be positive.");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Bad duration '" + text
                    + "': write e.g. 90s, 10m, 2h, 1h30m or 14d.", e);
        }
    }

    /** {@code 1d12h} -> {@code P1DT12H}: days go before ISO's time designator. */
    private static String iso(String t) {
        int d = t.indexOf('D');
        if (d < 0) {
            return "PT" + t;
        }
        String rest = t.substring(d + 1);
        return "P" + t.substring(0, d + 1) + (rest.isEmpty() ? "" : "T" + rest);
    }

    /** The short form accepted by {@link #parse}, e.g. {@code 1h30m}. */
    public static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
