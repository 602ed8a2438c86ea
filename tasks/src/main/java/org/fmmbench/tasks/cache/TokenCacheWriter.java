package org.fmmbench.tasks.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Streams examples into a temporary file next to the target and moves it into place on {@link #commit()};
 * closing without committing deletes the temporary file. Only labels and offsets are kept on the heap.
 */
public final class TokenCacheWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final int docs;
    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private int[] labels = new int[1024];
    private long[] offsets = new long[1025];
    private int count;
    private long position;
    private boolean committed;

    public TokenCacheWriter(Path target, int docs) throws IOException {
        this.target = target;
        this.docs = docs;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".part");
        this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        out.write(new byte[TokenCacheFormat.HEADER]);
    }

    /** Appends one example; {@code documents[d]} holds raw symbols 0..255, of which the first {@code lengths[d]} are used. */
    public void add(int label, byte[][] documents, int[] lengths) throws IOException {
        if (documents.length != docs) {
            throw new IllegalArgumentException("expected " + docs + " documents, got " + documents.length);
        }
        if (count == labels.length) {
            labels = Arrays.copyOf(labels, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2 * docs + 1);
        }
        if (offsets.length < (count + 1) * docs + 1) {
            offsets = Arrays.copyOf(offsets, (count + 1) * docs * 2 + 1);
        }
        labels[count] = label;
        for (int d = 0; d < docs; d++) {
            out.write(documents[d], 0, lengths[d]);
            crc.update(documents[d], 0, lengths[d]);
            offsets[count * docs + d] = position;
            position += lengths[d];
        }
        count++;
    }

    public void add(int label, byte[] document, int length) throws IOException {
        add(label, new byte[][] {document}, new int[] {length});
    }

    public int count() {
        return count;
    }

    public void commit() throws IOException {
        offsets[count * docs] = position;
        ByteBuffer index = ByteBuffer.allocate(4 * count + 8 * (count * docs + 1) + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            index.putInt(labels[i]);
        }
        for (int i = 0; i <= count * docs; i++) {
            index.putLong(offsets[i]);
        }
        index.put(TokenCacheFormat.END);
        crc.update(index.array(), 0, index.capacity());
        out.write(index.array());
        out.close();
        long total = TokenCacheFormat.HEADER + position + index.capacity();
        ByteBuffer header = ByteBuffer.allocate(TokenCacheFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put(TokenCacheFormat.MAGIC).putInt(docs).putInt(count).putLong(position).putLong(crc.getValue())
                .putLong(total).flip();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.write(header, 0);
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                out.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
