package org.fmmbench.tasks.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
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
    void europarlHalvesAreBalancedAndPositivesJoinToTheirDocument() {
        Map<String, Integer> languageOfText = new HashMap<>();
        for (EuroparlCorpus.Document d : EuroparlCorpus.load()) {
            languageOfText.put(new String(d.body(), StandardCharsets.UTF_8), d.language());
        }
        try (Task t = TaskRegistry.open("retrieval", Fixtures.options(null, cache, "auto"))) {
            assertEquals("europarl-halves", t.info().dataSource());
            Split val = t.split(SplitName.VAL);
            int positives = 0;
            long[] secondBytes = new long[2];
            java.util.Set<Integer> cutPercents = new java.util.HashSet<>();
            for (int i = 0; i < val.size(); i++) {
                String first = decode(val, i, 0);
                String second = decode(val, i, 1);
                assertTrue(!first.isEmpty() && !second.isEmpty());
                boolean whole = languageOfText.containsKey(first + second);
                assertEquals(val.label(i) == 1, whole, "label 1 exactly when the parts make up one document");
                positives += val.label(i);
                secondBytes[val.label(i)] += second.getBytes(StandardCharsets.UTF_8).length;
                if (whole) {
                    cutPercents.add(100 * first.length() / (first.length() + second.length()));
                }
            }
            int negatives = val.size() - positives;
            assertEquals(val.size() / 2, positives);
            assertTrue(val.size() > 1000, "Europarl gives over a thousand validation pairs");
            double meanPos = (double) secondBytes[1] / positives;
            double meanNeg = (double) secondBytes[0] / negatives;
            assertTrue(Math.abs(meanPos - meanNeg) < 0.05 * meanPos, "second parts have similar lengths: " + meanPos + " vs " + meanNeg);
            assertTrue(cutPercents.size() > 20, "documents are cut at varying points, not always the middle");
        }
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
