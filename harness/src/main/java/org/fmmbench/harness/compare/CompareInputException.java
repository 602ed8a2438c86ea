package org.fmmbench.harness.compare;

/**
 * Input {@code compare} cannot use (missing or unreadable file, schema mismatch, nothing to match): the command
 * line reports it as bad input (exit 2). An {@link IllegalArgumentException}, so callers treat it like every other
 * rejected argument.
 */
final class CompareInputException extends IllegalArgumentException {
    CompareInputException(String message) {
        super(message);
    }

    CompareInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
