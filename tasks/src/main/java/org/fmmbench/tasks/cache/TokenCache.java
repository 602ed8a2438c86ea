package org.fmmbench.tasks.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A finished token cache file, memory-mapped: token bytes stay in the page cache, only labels and offsets
 * are on the heap.
 */
public final class TokenCache implements AutoCloseable {
    private static final long CHUNK = 1L << 30;

    private final Path file;
    private final int docs;
    private final int count;
    private final int[] labels;
    private final long[] offsets;
    private final MappedByteBuffer[] chunks;
    private final FileChannel channel;

    private TokenCache(Path file, FileChannel channel, int docs, int count, int[] labels, long[] offsets,
            MappedByteBuffer[] chunks) {
        this.file = file;
        this.channel = channel;
        this.docs = docs;
        this.count = count;
        this.labels = labels;
        this.offsets = offsets;
        this.chunks = chunks;
    }

    /**
     * Opens a cache file if it is complete and intact; empty if it is absent, cut short, or fails its
     * checksum (for example after a killed writer), so the caller rebuilds it.
     */
    public static Optional<TokenCache> openIfValid(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size < TokenCacheFormat.HEADER + 16) {
                ch.close();
                return Optional.empty();
            }
            ByteBuffer header = ByteBuffer.allocate(TokenCacheFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(header, 0);
            header.flip();
            byte[] magic = new byte[8];
            header.get(magic);
            int docs = header.getInt();
            int count = header.getInt();
            long tokenBytes = header.getLong();
            long crc = header.getLong();
            long total = header.getLong();
            long indexBytes = 4L * count + 8L * ((long) count * docs + 1) + 8;
            if (!Arrays.equals(magic, TokenCacheFormat.MAGIC) || total != size || docs < 1 || count < 0
                    || TokenCacheFormat.HEADER + tokenBytes + indexBytes != size) {
                ch.close();
                return Optional.empty();
            }
            int nChunks = (int) Math.max(1, (size - TokenCacheFormat.HEADER + CHUNK - 1) / CHUNK);
            MappedByteBuffer[] chunks = new MappedByteBuffer[nChunks];
            CRC32 check = new CRC32();
            for (int c = 0; c < nChunks; c++) {
                long start = TokenCacheFormat.HEADER + c * CHUNK;
                long len = Math.min(CHUNK, size - start);
                chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, start, len);
                check.update(chunks[c].duplicate());
            }
            if (check.getValue() != crc) {
                ch.close();
                return Optional.empty();
            }
            ByteBuffer index = ByteBuffer.allocate((int) indexBytes).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(index, TokenCacheFormat.HEADER + tokenBytes);
            index.flip();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = index.getInt();
            }
            long[] offsets = new long[count * docs + 1];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = index.getLong();
            }
            byte[] end = new byte[8];
            index.get(end);
            if (!Arrays.equals(end, TokenCacheFormat.END)) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new TokenCache(file, ch, docs, count, labels, offsets, chunks));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public int size() {
        return count;
    }

    public int documents() {
        return docs;
    }

    public int label(int index) {
        return labels[index];
    }

    public int length(int index, int doc) {
        int k = index * docs + doc;
        return (int) (offsets[k + 1] - offsets[k]);
    }

    /** Copies up to {@code max} raw symbols of a document into {@code dst}; returns how many were copied. */
    public int read(int index, int doc, byte[] dst, int max) {
        int k = index * docs + doc;
        long pos = offsets[k];
        int n = (int) Math.min(offsets[k + 1] - pos, max);
        int done = 0;
        while (done < n) {
            int c = (int) ((pos + done) / CHUNK);
            int within = (int) ((pos + done) % CHUNK);
            int take = Math.min(n - done, chunks[c].capacity() - within);
            chunks[c].get(within, dst, done, take);
            done += take;
        }
        return n;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
