package org.fmmbench.tasks.lm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link TokenStream} file: ids are streamed out, the count is patched into the header at
 * {@link #commit()}. Callers build caches inside an {@link org.fmmbench.tasks.AtomicDirectory}, so a killed
 * writer never leaves a file under the final name.
 */
public final class TokenStreamWriter implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long count;
    private boolean committed;

    public TokenStreamWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(TokenStream.MAGIC);
        out.write(new byte[8]);
    }

    public void add(int id) throws IOException {
        if (!buffer.hasRemaining()) {
            flushBuffer();
        }
        buffer.putInt(id);
        count++;
    }

    public long count() {
        return count;
    }

    public void commit() throws IOException {
        flushBuffer();
        out.write(TokenStream.END);
        out.close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(count);
            header.flip();
            ch.write(header, 8);
            ch.force(true);
        }
        committed = true;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(file);
        }
    }
}
