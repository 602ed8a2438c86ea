package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDManager;

/**
 * Scores every target of a token stream (positions 1..length−1) with a language model, in stream order:
 * {@link SlidingWindowEvaluator} window by window, {@link StatefulEvaluator} once through with carried state.
 */
public interface LmEvaluator {
    /** Reads {@code len} stream tokens from {@code from} into {@code dst[off..]}. */
    @FunctionalInterface
    interface TokenReader {
        void read(long from, int[] dst, int off, int len);
    }

    /** Receives negative log-likelihoods in nats, one per scored target, in stream order. */
    @FunctionalInterface
    interface NllSink {
        void accept(float[] nll);
    }

    /** Called after each forward pass with the units (windows or chunks) done and their total. */
    @FunctionalInterface
    interface Progress {
        void update(long done, long total);
    }

    /**
     * Scores the whole stream; returns the number of targets scored (length − 1).
     *
     * @param manager parent of the per-pass managers (e.g. the model's manager)
     * @param progress may be {@code null}
     */
    long evaluate(NDManager manager, long length, TokenReader reader, NllSink sink, Progress progress);
}
