package org.fmmbench.harness.cli;

/** Input the user can fix (unknown name, missing file, impossible option): one line on stderr, exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    BadInputException(String message) {
        super(message);
    }
}
