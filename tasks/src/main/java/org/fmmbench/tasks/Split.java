package org.fmmbench.tasks;

/**
 * Random access to one split. Implementations may stream from a memory-mapped cache, so callers copy
 * tokens into their own buffers instead of holding whole splits on the heap.
 */
public interface Split {
    int size();

    int label(int index);

    /**
     * Copies document {@code doc} (0, or 0..1 for two-document tasks) of example {@code index} into
     * {@code dst}, which has length {@link TaskInfo#seqLength()}; positions past the text hold the pad id.
     */
    void tokens(int index, int doc, int[] dst);

    /** The share of examples with a document longer than the kept content, which {@link #tokens} cuts (0 = none). */
    default double truncatedFraction() {
        return 0.0;
    }
}
