package org.fmmbench.tasks.lm;

/**
 * Training batches in the official (Transformer-XL {@code LMOrderedIterator}) layout: the stream is cut into
 * {@code batch} contiguous columns of equal length (the remainder dropped), and batch i holds, for every column,
 * the segment of {@code context} tokens starting at {@code i·context} with targets shifted by one.
 */
public final class LmBatches {
    private final TokenStream stream;
    private final int batch;
    private final int context;
    private final long columnLength;

    public LmBatches(TokenStream stream, int batch, int context) {
        if (batch < 1 || context < 1) {
            throw new IllegalArgumentException("batch and context must be >= 1, got " + batch + " and " + context);
        }
        this.stream = stream;
        this.batch = batch;
        this.context = context;
        this.columnLength = stream.length() / batch;
        if (columnLength < context + 1) {
            throw new IllegalArgumentException("stream of " + stream.length() + " tokens is too short for "
                    + batch + " columns of " + (context + 1) + " tokens; lower the batch or the context");
        }
    }

    /** Batches per epoch (the last, shorter segment of each column is dropped). */
    public long count() {
        return (columnLength - 1) / context;
    }

    /** Stream index of the first input token of {@code column}'s segment in batch {@code index}. */
    public long start(long index, int column) {
        return column * columnLength + index * context;
    }

    /** Fills inputs and targets, each (batch × context) row-major, with batch {@code index}. */
    public void fill(long index, int[] inputs, int[] targets) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("batch " + index + " of " + count());
        }
        int[] buf = new int[context + 1];
        for (int b = 0; b < batch; b++) {
            stream.read(start(index, b), buf, 0, context + 1);
            System.arraycopy(buf, 0, inputs, b * context, context);
            System.arraycopy(buf, 1, targets, b * context, context);
        }
    }
}
