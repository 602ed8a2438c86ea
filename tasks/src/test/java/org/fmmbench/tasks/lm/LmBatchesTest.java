package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmBatchesTest {
    @TempDir
    Path tmp;

    @Test
    void columnsAreContiguousAndTargetsAreShiftedByOne() throws IOException {
        Path f = tmp.resolve("s.ids");
        try (TokenStreamWriter w = new TokenStreamWriter(f)) {
            for (int i = 0; i < 23; i++) {
                w.add(i);
            }
            w.commit();
        }
        try (TokenStream s = TokenStream.open(f)) {
            LmBatches b = new LmBatches(s, 2, 3);
            // columns: 0..10 and 11..21 (token 22 dropped); (11 - 1) / 3 = 3 batches
            assertEquals(3, b.count());
            int[] x = new int[6];
            int[] y = new int[6];
            b.fill(1, x, y);
            assertArrayEquals(new int[] {3, 4, 5, 14, 15, 16}, x);
            assertArrayEquals(new int[] {4, 5, 6, 15, 16, 17}, y);
            assertThrows(IndexOutOfBoundsException.class, () -> b.fill(3, x, y));
            assertThrows(IllegalArgumentException.class, () -> new LmBatches(s, 8, 3));
            // the stream holds its own indices, so a segment's first input is its start (stream positions)
            for (int batch = 0; batch < b.count(); batch++) {
                b.fill(batch, x, y);
                assertEquals(x[0], b.start(batch, 0));
                assertEquals(x[3], b.start(batch, 1));
            }
        }
    }
}
