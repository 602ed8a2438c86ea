package org.fmmbench.tasks.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.fmmbench.tasks.MalformedDataException;

/**
 * A read-only, memory-mapped stream of token ids written by {@link TokenStreamWriter}: the whole split of a
 * corpus as one sequence, read by windows without holding it on the heap (WikiText-103 train is 103M ids).
 *
 * <p>Layout (little-endian): magic {@code FMLMIDS1}, long count, then count int32 ids, then {@code FMLMDONE}.
 * The count is written last, so a file cut short is detected by its length and rejected.
 */
public final class TokenStream implements AutoCloseable {
    static final byte[] MAGIC = {'F', 'M', 'L', 'M', 'I', 'D', 'S', '1'};
    static final byte[] END = {'F', 'M', 'L', 'M', 'D', 'O', 'N', 'E'};
    static final int HEADER = 16;

    private final Path file;
    private final IntBuffer ids;
    private final long length;

    private TokenStream(Path file, IntBuffer ids, long length) {
        this.file = file;
        this.ids = ids;
        this.length = length;
    }

    /** Opens and checks a stream file; a truncated or foreign file is a {@link MalformedDataException}. */
    public static TokenStream open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER + END.length) {
                throw truncated(file, "file of " + size + " bytes is shorter than its header");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[8];
            map.get(0, magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw truncated(file, "not a token stream (bad magic)");
            }
            long count = map.getLong(8);
            if (count < 0 || count > Integer.MAX_VALUE || size != HEADER + 4 * count + END.length) {
                throw truncated(file, "header says " + count + " ids but the file has " + size + " bytes");
            }
            byte[] end = new byte[8];
            map.get((int) (HEADER + 4 * count), end);
            if (!Arrays.equals(end, END)) {
                throw truncated(file, "end marker missing");
            }
            IntBuffer ids = map.slice(HEADER, (int) (4 * count)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            return new TokenStream(file, ids, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token stream " + file, e);
        }
    }

    private static MalformedDataException truncated(Path file, String problem) {
        return new MalformedDataException(file, "header", problem + "; the cache is damaged: delete its directory "
                + file.getParent() + " and it will be rebuilt");
    }

    public Path file() {
        return file;
    }

    public long length() {
        return length;
    }

    public int get(long index) {
        return ids.get(Math.toIntExact(index));
    }

    /** Copies ids {@code [from, from+len)} into {@code dst[off..]}. */
    public void read(long from, int[] dst, int off, int len) {
        if (from < 0 || from + len > length) {
            throw new IndexOutOfBoundsException("ids [" + from + ", " + (from + len) + ") of a stream of " + length);
        }
        ids.get(Math.toIntExact(from), dst, off, len);
    }

    @Override
    public void close() {
        // the mapping is released by the garbage collector; nothing else is held open
    }
}
