package org.fmmbench.tasks.cache;

import org.fmmbench.tasks.Split;

/**
 * A split read from a token cache: the first {@code size} examples (of the whole cache, or of a list of its
 * rows), each document cut to {@code contentLength}
 * symbols, shifted by {@code idOffset} (so symbol 0 can become a real token) and padded with 0 to the
 * destination's length.
 */
public final class CachedSplit implements Split {
    private final TokenCache cache;
    private final int[] rows;
    private final int size;
    private final int contentLength;
    private final int idOffset;
    private final ThreadLocal<byte[]> buffer;

    public CachedSplit(TokenCache cache, int max, int contentLength, int idOffset) {
        this(cache, null, max, contentLength, idOffset);
    }

    /** A split made of the given rows of {@code cache}, in that order; {@code rows == null} means all rows. */
    public CachedSplit(TokenCache cache, int[] rows, int max, int contentLength, int idOffset) {
        this.cache = cache;
        this.rows = rows;
        int all = rows == null ? cache.size() : rows.length;
        this.size = max > 0 ? Math.min(max, all) : all;
        this.contentLength = contentLength;
        this.idOffset = idOffset;
        this.buffer = ThreadLocal.withInitial(() -> new byte[contentLength]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        return cache.label(check(index));
    }

    @Override
    public void tokens(int index, int doc, int[] dst) {
        byte[] raw = buffer.get();
        int n = cache.read(check(index), doc, raw, Math.min(contentLength, dst.length));
        for (int i = 0; i < n; i++) {
            dst[i] = (raw[i] & 0xFF) + idOffset;
        }
        java.util.Arrays.fill(dst, n, dst.length, 0);
    }

    @Override
    public double truncatedFraction() {
        if (size == 0) {
            return 0.0;
        }
        int cut = 0;
        for (int i = 0; i < size; i++) {
            int row = check(i);
            for (int d = 0; d < cache.documents(); d++) {
                if (cache.length(row, d) > contentLength) {
                    cut++;
                    break;
                }
            }
        }
        return cut / (double) size;
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("example " + index + " of a split with " + size);
        }
        return rows == null ? index : rows[index];
    }
}
