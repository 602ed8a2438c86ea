package org.fmmbench.tasks;

import java.nio.file.Path;

/** A data file exists but cannot be read as its format says; the message names the file and the line or record. */
public class MalformedDataException extends RuntimeException {
    public MalformedDataException(Path file, String where, String problem) {
        super(file + " (" + where + "): " + problem);
    }

    public MalformedDataException(Path file, String where, String problem, Throwable cause) {
        super(file + " (" + where + "): " + problem, cause);
    }
}
