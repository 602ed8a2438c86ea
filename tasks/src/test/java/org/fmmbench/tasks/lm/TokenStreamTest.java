package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStreamTest {
    @TempDir
    Path tmp;

    @Test
    void writtenIdsReadBackAcrossWriterBufferBoundaries() throws IOException {
        Path f = tmp.resolve("s.ids");
        int n = 70_001;
        try (TokenStreamWriter w = new TokenStreamWriter(f)) {
            for (int i = 0; i < n; i++) {
                w.add(i * 7 % 300_000);
            }
            w.commit();
        }
        try (TokenStream s = TokenStream.open(f)) {
            assertEquals(n, s.length());
            int[] dst = new int[5];
            s.read(16_383, dst, 1, 3);
            assertArrayEquals(new int[] {0, 16_383 * 7 % 300_000, 16_384 * 7 % 300_000, 16_385 * 7 % 300_000, 0},
                    dst);
            assertEquals((n - 1) * 7 % 300_000, s.get(n - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> s.read(n - 2, dst, 0, 3));
        }
    }

    @Test
    void anUncommittedWriterLeavesNoFile() throws IOException {
        Path f = tmp.resolve("s.ids");
        try (TokenStreamWriter w = new TokenStreamWriter(f)) {
            w.add(1);
        }
        assertFalse(Files.exists(f));
    }

    @Test
    void aTruncatedFileIsDetected() throws IOException {
        Path f = tmp.resolve("s.ids");
        try (TokenStreamWriter w = new TokenStreamWriter(f)) {
            for (int i = 0; i < 100; i++) {
                w.add(i);
            }
            w.commit();
        }
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 12));
        assertThrows(MalformedDataException.class, () -> TokenStream.open(f));
        Files.write(f, new byte[3]);
        assertThrows(MalformedDataException.class, () -> TokenStream.open(f));
    }
}
