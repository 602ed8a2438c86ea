package org.fmmbench.tasks.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalTaskProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void readsAanPairsAsTwoByteDocuments() {
        try (Task t = TaskRegistry.open("retrieval", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals("aan-lra-files", t.info().dataSource());
            assertEquals(2, t.info().documents());
            assertEquals(4096, t.info().seqLength());
            Split train = t.split(SplitName.TRAIN);
            assertEquals(2, train.size());
            assertEquals(1, train.label(0));
            assertEquals(0, train.label(1));
            assertEquals("We study parsing.", decode(train, 0, 0));
            assertEquals("Parsing with graphs.", decode(train, 0, 1));
            assertEquals("Speech recognition über alles.", decode(train, 1, 1));
            assertEquals(1, t.split(SplitName.VAL).size());
            assertEquals("right doc", decode(t.split(SplitName.TEST), 0, 1));
        }
    }

    @Test
    void malformedAanLinesAreReportedWithFileAndLine() throws IOException {
        Path dir = Fixtures.copy("tsv_data", data.resolve("tsv_data"));
        Path file = dir.resolve("new_aan_pairs.eval.tsv");
        Files.writeString(file, "1.0\tA\tB\tx\ty\n2.0\tA\tB\tx\ty\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("retrieval", Fixtures.options(data, cache, "auto")).close());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 2")
                && e.getMessage().contains("not 0 or 1"), e.getMessage());
        Files.writeString(file, "1.0\tA\tB\tonly one text\n");
        e = assertThrows(MalformedDataException.class, () -> TaskRegistry.open("retrieval", Fixtures.options(data, cache, "auto")).close());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("5 tab-separated columns"), e.getMessage());
    }

    @Test
    void explicitAanWithoutFilesSaysWhereItLooked() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> TaskRegistry.open("retrieval", Fixtures.options(data, cache, "aan-lra-files")));
        assertTrue(e.getMessage().contains(data.resolve("lra_release/tsv_data").toString()), e.getMessage());
    }

    @Test
    void aanTextsAreRawBytesSplitOnNewlineOnlyWithATrailingCarriageReturnDropped() throws IOException {
        Path dir = Fixtures.copy("tsv_data", data.resolve("tsv_data"));
        Path file = dir.resolve("new_aan_pairs.train.tsv");
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1); // 0xE9 alone is not UTF-8
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        content.writeBytes("1.0\tA\tB\tone\rtwo\t".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes(latin1);
        content.writeBytes("\r\n0.0\tC\tD\tx\ty\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, content.toByteArray());
        try (Task t = TaskRegistry.open("retrieval", Fixtures.options(data, cache, "auto"))) {
            Split train = t.split(SplitName.TRAIN);
            assertEquals(2, train.size(), "a bare \\r does not end a record");
            assertArrayEquals("one\rtwo".getBytes(StandardCharsets.US_ASCII), bytes(train, 0, 0));
            assertArrayEquals(latin1, bytes(train, 0, 1), "bytes kept as they are, the \\r before \\n dropped");
            assertEquals(0, train.label(1));
        }
        Files.write(file, "1.0\tA\tB\tx\ty\n0.0\tA\tB\tx\r\n".getBytes(StandardCharsets.US_ASCII));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("retrieval", Fixtures.options(data, cache.resolve("other"), "auto")).close());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void europarlDocumentsAreLongBalancedAndMatchedOnLength() {
        try (Task t = TaskRegistry.open("retrieval", Fixtures.options(null, cache, "auto"))) {
            assertEquals("europarl-halves", t.info().dataSource());
            Split train = t.split(SplitName.TRAIN);
            Split test = t.split(SplitName.TEST);
            int positives = 0;
            List<Integer> lengths = new java.util.ArrayList<>();
            long[] secondBytes = new long[2];
            for (int i = 0; i < test.size(); i++) {
                positives += test.label(i);
                lengths.add(bytes(test, i, 0).length);
                secondBytes[test.label(i)] += bytes(test, i, 1).length;
            }
            int negatives = test.size() - positives;
            assertTrue(Math.abs(positives - negatives) <= test.size() / 50, positives + " vs " + negatives);
            java.util.Collections.sort(lengths);
            int median = lengths.get(lengths.size() / 2);
            assertTrue(median >= 3000, "median document " + median + " bytes");
            double meanPos = (double) secondBytes[1] / positives;
            double meanNeg = (double) secondBytes[0] / negatives;
            assertTrue(Math.abs(meanPos - meanNeg) < 0.05 * meanPos, "second documents have similar lengths: " + meanPos + " vs " + meanNeg);
            double threshold = WordOverlap.bestThreshold(train);
            double lexical = WordOverlap.accuracy(test, threshold);
            System.out.printf("retrieval europarl-halves: train %d, test %d examples, median document %d bytes, "
                    + "word-overlap (Jaccard >= %.3f) test accuracy %.4f%n", train.size(), test.size(), median, threshold, lexical);
            assertTrue(lexical > 0.6, "the pairs share words the way related documents do: " + lexical);
        }
    }

    private static byte[] bytes(Split split, int index, int doc) {
        return WordOverlap.bytes(split, index, doc);
    }

    private static String decode(Split split, int index, int doc) {
        int[] dst = new int[4096];
        split.tokens(index, doc, dst);
        byte[] bytes = new byte[dst.length];
        int n = 0;
        while (n < dst.length && dst[n] != 0) {
            bytes[n] = (byte) (dst[n] - 1);
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
