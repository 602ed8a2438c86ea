package org.fmmbench.harness.compare;

/** Input {@code compare} cannot use (missing or unreadable file, schema mismatch, nothing to match): exit 2. */
final class CompareInputException extends RuntimeException {
    CompareInputException(String message) {
        super(message);
    }

    CompareInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
