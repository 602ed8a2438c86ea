package org.fmmbench.harness.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CSV files as an older schema wrote them, for the tests that read old files. */
public final class OlderCsv {
    private OlderCsv() {
    }

    /** The lines of {@code file} without their last {@code columns} columns (the fields cut hold no commas). */
    public static List<String> withoutLastColumns(Path file, int columns) throws IOException {
        return Files.readAllLines(file).stream().map(line -> {
            int at = line.length();
            for (int i = 0; i < columns; i++) {
                at = line.lastIndexOf(',', at - 1);
            }
            return line.substring(0, at);
        }).toList();
    }
}
