package org.fmmbench.harness.scaling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heads and per-head width of a scaling cell, written {@code HxD} (e.g. {@code 2x32}). */
public record HeadLayout(int heads, int headDim) {
    private static final Pattern FORM = Pattern.compile("(\\d+)x(\\d+)");

    public HeadLayout {
        if (heads < 1 || headDim < 1) {
            throw new IllegalArgumentException("Heads and head width must be >= 1, got " + heads + "x" + headDim);
        }
    }

    public static HeadLayout parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Bad heads x head-width '" + text + "': write HxD, e.g. 2x32 or 8x64.");
        }
        return new HeadLayout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return heads + "x" + headDim;
    }
}
