package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlSplits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EuroparlByteCorpusTest {
    private static List<EuroparlCorpus.Document> docs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        docs = EuroparlCorpus.load();
    }

    private static long checksum(TokenStream s) {
        CRC32 crc = new CRC32();
        int[] buf = new int[4096];
        for (long i = 0; i < s.length(); i += buf.length) {
            int n = (int) Math.min(buf.length, s.length() - i);
            s.read(i, buf, 0, n);
            for (int j = 0; j < n; j++) {
                crc.update(buf[j]);
            }
        }
        return crc.getValue();
    }

    @Test
    void theDocumentSplitIsDisjointCoversEveryLineAndIsEightyTenTen() {
        Map<SplitName, List<EuroparlCorpus.Document>> split = EuroparlSplits.split(docs, 11);
        Set<Integer> seen = new HashSet<>();
        for (List<EuroparlCorpus.Document> part : split.values()) {
            for (EuroparlCorpus.Document d : part) {
                assertTrue(seen.add(d.line()), "line " + d.line() + " is in two splits");
            }
        }
        assertEquals(docs.size(), seen.size());
        assertEquals(docs.size() * 8 / 10, split.get(SplitName.TRAIN).size());
        assertEquals(docs.size() / 10, split.get(SplitName.VAL).size());
    }

    @Test
    void streamsAreTheSplitsBodiesEachFollowedByANewlineAndAreDeterministicPerSeed() throws Exception {
        Map<SplitName, List<EuroparlCorpus.Document>> split = EuroparlSplits.split(docs, 5);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        java.nio.file.Files.createDirectories(a);
        java.nio.file.Files.createDirectories(b);
        java.nio.file.Files.createDirectories(c);
        EuroparlByteCorpus.build(a, split);
        EuroparlByteCorpus.build(b, EuroparlSplits.split(docs, 5));
        EuroparlByteCorpus.build(c, EuroparlSplits.split(docs, 6));
        for (SplitName s : SplitName.values()) {
            try (TokenStream sa = TokenStream.open(CorpusCache.stream(a, s));
                    TokenStream sb = TokenStream.open(CorpusCache.stream(b, s));
                    TokenStream sc = TokenStream.open(CorpusCache.stream(c, s))) {
                long expected = split.get(s).stream().mapToLong(d -> d.body().length + 1L).sum();
                assertEquals(expected, sa.length());
                assertEquals(checksum(sa), checksum(sb), s + " differs between two builds with one seed");
                assertNotEquals(checksum(sa), checksum(sc), s + " is the same under another seed");
                EuroparlCorpus.Document first = split.get(s).get(0);
                int[] head = new int[first.body().length + 1];
                sa.read(0, head, 0, head.length);
                for (int i = 0; i < first.body().length; i++) {
                    assertEquals(first.body()[i] & 0xff, head[i]);
                }
                assertEquals('\n', head[first.body().length]);
            }
        }
    }

    @Test
    void openBuildsAByteCorpusOnce() {
        try (LmCorpus corpus = EuroparlByteCorpus.open(tmp, 0)) {
            assertEquals(256, corpus.vocabSize());
            assertEquals("byte", corpus.unit());
            assertEquals("europarl-bytes", corpus.dataSource());
            assertTrue(corpus.stream(SplitName.TRAIN).length() > 10_000_000, "the sample has ~21 MB of text");
        }
    }
}
