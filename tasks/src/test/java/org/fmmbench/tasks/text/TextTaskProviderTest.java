package org.fmmbench.tasks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fmmbench.tasks.BagOfBytesNaiveBayes;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.cache.TokenCache;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTaskProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void readsAclImdbAsBytesPlusOneWithTestAsValAndTest() {
        try (Task t = TaskRegistry.open("text", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals("imdb-aclimdb", t.info().dataSource());
            assertEquals(257, t.info().vocabSize());
            assertEquals(2, t.info().numClasses());
            assertEquals(1024, t.info().seqLength());
            Split train = t.split(SplitName.TRAIN);
            assertEquals(4, train.size());
            assertEquals(2, t.split(SplitName.VAL).size());
            assertEquals(2, t.split(SplitName.TEST).size());
            Set<String> texts = new HashSet<>();
            int positives = 0;
            for (int i = 0; i < train.size(); i++) {
                String text = decode(train, i, 1024);
                texts.add(text);
                positives += train.label(i);
                if (text.startsWith("Loved")) {
                    assertEquals(1, train.label(i));
                }
                if (text.equals("Dull.")) {
                    assertEquals(0, train.label(i));
                }
            }
            assertEquals(2, positives);
            assertTrue(texts.contains("Loved it, café scene!"), "UTF-8 bytes survive: " + texts);
            int[] dst = new int[1024];
            train.tokens(0, 0, dst);
            assertEquals(0, dst[1023]);
        }
    }

    @Test
    void anExplicitLengthCutsTheText() {
        TaskOptions o = new TaskOptions(Fixtures.path(""), cache, "imdb-aclimdb", 4, 0, 0, 0, 0, "pad");
        try (Task t = TaskRegistry.open("text", o)) {
            assertEquals(4, t.info().seqLength());
            Set<String> cut = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                cut.add(decode(t.split(SplitName.TRAIN), i, 4));
            }
            assertEquals(Set.of("A wo", "Love", "Dull", "Not "), cut);
        }
    }

    @Test
    void aContentLengthKeepsThatManyBytesAndPadsToTheSequenceLength() {
        TaskOptions o = new TaskOptions(Fixtures.path(""), cache, "imdb-aclimdb", 8, 0, 0, 0, 0, "pad", 4, false);
        try (Task t = TaskRegistry.open("text", o)) {
            assertEquals(8, t.info().seqLength());
            assertEquals(4, t.contentLength());
            int[] dst = new int[8];
            t.split(SplitName.TRAIN).tokens(0, 0, dst);
            assertTrue(dst[3] != 0 && dst[4] == 0 && dst[7] == 0, java.util.Arrays.toString(dst));
            assertTrue(t.split(SplitName.TRAIN).truncatedFraction() > 0, "every fixture review is longer than 4 bytes");
        }
    }

    @Test
    void thePaperLengthsAreLrasThousandBytesPaddedTo1024() {
        try (Task t = TaskRegistry.open("text", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals(1000, t.contentLength());
            assertEquals(1024, t.info().seqLength());
        }
        try (Task t = TaskRegistry.open("retrieval", Fixtures.options(Fixtures.path(""), cache, "auto"))) {
            assertEquals(4000, t.contentLength());
            assertEquals(4096, t.info().seqLength());
        }
    }

    @Test
    void explicitImdbWithoutTheFoldersSaysWhereItLookedAndHowToGetThem() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> TaskRegistry.open("text", Fixtures.options(data, cache, "imdb-aclimdb")));
        assertTrue(e.getMessage().contains("aclImdb_v1.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains(data.resolve("aclImdb").toString()), e.getMessage());
    }

    @Test
    void europarlStandInSortsFiveOfEightSegmentsInHalfTheExamplesAndThreeInTheOthers() {
        try (Task t = TaskRegistry.open("text", Fixtures.options(null, cache, "auto"))) {
            assertEquals("europarl-sorted-segments", t.info().dataSource());
            assertEquals(2, t.info().numClasses());
            assertEquals(1024, t.info().seqLength());
            Split train = t.split(SplitName.TRAIN);
            int mostlySorted = 0;
            for (int i = 0; i < train.size(); i++) {
                assertEquals(1000, bytes(train, i, 1024).length, "every example is a full window of text");
                mostlySorted += train.label(i);
            }
            assertEquals(train.size() / 2, mostlySorted);
            assertTrue(train.size() > 12_000, "one example per 1,000 bytes of the training documents: " + train.size());
        }
    }

    /**
     * A stream that falls by one from byte to byte (modulo 251): a segment left alone keeps falling, a sorted
     * and rotated one rises everywhere but at one place.
     */
    @Test
    void eachWindowHasExactlyTheLabelsNumberOfSortedSegmentsAndOtherwiseTheTextInOrder() throws Exception {
        byte[] body = new byte[4000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (251 - i % 251);
        }
        List<EuroparlCorpus.Document> docs = List.of(new EuroparlCorpus.Document(1, body, 0));
        Path file = cache.resolve("windows.tok");
        try (TokenCacheWriter w = new TokenCacheWriter(file, 1)) {
            EuroparlSortedSegments.write(docs, 80, 7, w);
            w.commit();
        }
        try (TokenCache c = TokenCache.openIfValid(file).orElseThrow()) {
            assertEquals(4001 / 80, c.size());
            Set<String> windows = new HashSet<>();
            for (int i = 0; i < c.size(); i++) {
                byte[] doc = new byte[80];
                assertEquals(80, c.read(i, 0, doc, 80));
                windows.add(java.util.Arrays.toString(doc));
                int sorted = 0;
                for (int s = 0; s < 8; s++) {
                    int falls = 0;
                    int descents = 0;
                    for (int k = 0; k < 10; k++) {
                        int here = Byte.toUnsignedInt(doc[s * 10 + k]);
                        int next = Byte.toUnsignedInt(doc[s * 10 + (k + 1) % 10]);
                        falls += k < 9 && Math.floorMod(here - next, 251) == 1 ? 1 : 0;
                        descents += next < here ? 1 : 0;
                    }
                    assertTrue(falls == 9 || descents == 1, "window " + i + " segment " + s + ": in order or sorted");
                    sorted += falls == 9 ? 0 : 1;
                }
                assertEquals(c.label(i) == 1 ? 5 : 3, sorted, "window " + i);
            }
            assertEquals(c.size(), windows.size(), "every window is a different part of the stream");
        }
    }

    @Test
    void sortingKeepsTheSegmentsBytesAndRotatesThem() {
        byte[] a = {9, 'c', 'a', (byte) 200, 'b', 9};
        EuroparlSortedSegments.sortAndRotate(a, 1, 4, 1);
        assertEquals(List.of((byte) 9, (byte) 200, (byte) 'a', (byte) 'b', (byte) 'c', (byte) 9),
                List.of(a[0], a[1], a[2], a[3], a[4], a[5]));
    }

    /** The point of the stand-in: byte counts must not tell the classes apart. */
    @Test
    void bagOfBytesNaiveBayesStaysWithinFivePointsOfChanceOnTheStandIn() {
        try (Task t = TaskRegistry.open("text", Fixtures.options(null, cache, "europarl-sorted-segments"))) {
            BagOfBytesNaiveBayes nb = BagOfBytesNaiveBayes.train(t.info(), t.split(SplitName.TRAIN));
            double chance = BagOfBytesNaiveBayes.majorityRate(t.info(), t.split(SplitName.TEST));
            double accuracy = nb.accuracy(t.info(), t.split(SplitName.TEST));
            System.out.printf("text europarl-sorted-segments: bag-of-bytes NB test accuracy %.4f, majority %.4f%n", accuracy, chance);
            assertEquals(chance, accuracy, 0.05);
        }
    }

    /** The same classifier does solve language identification, so the check above can fail. */
    @Test
    void bagOfBytesNaiveBayesSolvesLanguageIdentification() {
        try (Task t = TaskRegistry.open("language", Fixtures.options(null, cache, "auto"))) {
            assertEquals("europarl-languages", t.info().dataSource());
            BagOfBytesNaiveBayes nb = BagOfBytesNaiveBayes.train(t.info(), t.split(SplitName.TRAIN));
            double accuracy = nb.accuracy(t.info(), t.split(SplitName.TEST));
            System.out.printf("language europarl-languages: bag-of-bytes NB test accuracy %.4f%n", accuracy);
            assertTrue(accuracy > 0.95, "accuracy " + accuracy);
        }
    }

    static byte[] bytes(Split split, int index, int length) {
        int[] dst = new int[length];
        split.tokens(index, 0, dst);
        int n = 0;
        while (n < length && dst[n] != 0) {
            n++;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (dst[i] - 1);
        }
        return out;
    }

    static String decode(Split split, int index, int length) {
        int[] dst = new int[length];
        split.tokens(index, 0, dst);
        byte[] bytes = new byte[length];
        int n = 0;
        while (n < length && dst[n] != 0) {
            bytes[n] = (byte) (dst[n] - 1);
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
