package org.fmmbench.tasks;

/**
 * The data a task needs is not there. The message names what is missing, where the task looked and how to
 * get it; the harness records the cell as {@code skipped} with this message as the reason.
 */
public class MissingDataException extends RuntimeException {
    public MissingDataException(String message) {
        super(message);
    }
}
