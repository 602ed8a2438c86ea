package org.fmmbench.harness.cli;

/**
 * Input the user can fix (unknown name, missing file, impossible option): one line on stderr, exit code 2. Its two
 * helpers are how commands turn what they check, or what the code below them rejects, into one.
 */
final class BadInputException extends RuntimeException {
    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    BadInputException(String message) {
        super(message);
    }

    /** A step whose {@link IllegalArgumentException} rejects what the user asked for. */
    @FunctionalInterface
    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * What {@code step} returns. The profiles, plans, variant specs and run ids below the commands throw an
     * {@link IllegalArgumentException} naming the problem and its fix when the user's input is wrong; that message
     * becomes the bad-input line.
     */
    static <T, E extends Exception> T ifRejected(Step<T, E> step) throws E {
        try {
            return step.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** @throws BadInputException when the value given to {@code option} is below {@code least} */
    static void requireAtLeast(String option, long value, long least) {
        if (value < least) {
            throw new BadInputException(option + " must be at least " + least + ", got " + value + ".");
        }
    }
}
