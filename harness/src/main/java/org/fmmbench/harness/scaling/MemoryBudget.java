package org.fmmbench.harness.scaling;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The memory a cell may be estimated to need: a share of physical memory ({@code 75%}) or a size ({@code 12GiB}). */
public record MemoryBudget(long bytes, String text) {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?");

    public static MemoryBudget parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        Matcher pct = PERCENT.matcher(t);
        if (pct.matches()) {
            double share = Double.parseDouble(pct.group(1)) / 100;
            if (share <= 0 || share > 1) {
                throw new IllegalArgumentException("Memory budget '" + text + "' must be a share in (0%, 100%].");
            }
            return new MemoryBudget((long) (share * physicalBytes()), text.trim());
        }
        Matcher size = SIZE.matcher(t);
        if (size.matches()) {
            int shift = switch (size.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                case "T" -> 40;
                default -> 0;
            };
            long bytes = (long) (Double.parseDouble(size.group(1)) * (1L << shift));
            if (bytes <= 0) {
                throw new IllegalArgumentException("Memory budget '" + text + "' must be positive.");
            }
            return new MemoryBudget(bytes, text.trim());
        }
        throw new IllegalArgumentException("Bad memory budget '" + text
                + "': write a share of physical memory such as 75% or a size such as 12GiB, 512MiB or 2G.");
    }

    static long physicalBytes() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    public double mib() {
        return bytes / (double) (1L << 20);
    }

    @Override
    public String toString() {
        return text + String.format(Locale.ROOT, " (%.0f MiB)", mib());
    }
}
