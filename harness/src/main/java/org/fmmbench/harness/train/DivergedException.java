package org.fmmbench.harness.train;

public class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
