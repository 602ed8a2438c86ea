package org.fmmbench.harness.results;

import java.util.regex.Pattern;

/**
 * The one rule for run ids, which every command applies before writing: a run id names a directory directly
 * under {@code --out} (and {@code --reports}), so it must not be a path ({@code ..}, {@code a/b}, absolute) or an
 * option ({@code -x}).
 */
public final class RunIds {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RunIds() {
    }

    /** {@code id} itself when it is a valid run id; otherwise an {@link IllegalArgumentException} naming the fix. */
    public static String check(String id) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Bad run id '" + id + "': use letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (it names a directory under --out and --reports).");
        }
        return id;
    }
}
