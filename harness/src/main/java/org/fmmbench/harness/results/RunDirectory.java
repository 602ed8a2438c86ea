package org.fmmbench.harness.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The directories commands write into: a run, a cell of a run, a report, a scaling run. One rule for their names,
 * which every command applies before writing (a run id names a directory directly under {@code --out} or
 * {@code --reports}, so it must not be a path ({@code ..}, {@code a/b}, absolute) or an option ({@code -x})), and
 * one way to open one for writing (created, and cleared of the temporary files a killed {@link AtomicFiles} writer
 * left). Files inside are written through {@link AtomicFiles}.
 */
public final class RunDirectory {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RunDirectory() {
    }

    /** {@code id} itself when it is a valid run id; otherwise an {@link IllegalArgumentException} naming the fix. */
    public static String checkId(String id) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Bad run id '" + id + "': use letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (it names a directory under --out and --reports).");
        }
        return id;
    }

    /**
     * The directory {@code id} under {@code parent}.
     *
     * @throws IllegalArgumentException naming the fix when {@code id} is not a valid run id
     */
    public static Path under(Path parent, String id) {
        return parent.resolve(checkId(id));
    }

    /** Creates {@code dir} if needed and deletes the temporary files a killed writer left in it. */
    public static void open(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.deleteLeftovers(dir);
    }
}
