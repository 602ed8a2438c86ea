package org.fmmbench.tasks.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus.Document;

/**
 * The Text stand-in: are most of a document's segments written backwards? Every example is a window of
 * Europarl text cut into {@link #SEGMENTS} equal segments, of which {@link #MORE} (label 1) or {@link #FEWER}
 * (label 0) are byte-reversed, chosen at random.
 *
 * <p>Why this task: reversing a segment keeps its bytes, so byte counts carry no signal and a bag-of-bytes
 * classifier stays at chance; windows start at arbitrary bytes of a stream of whole documents, so no position
 * holds a telling byte either, and a model whose positions never see each other (the {@code none} row) is at
 * chance too. A segment's direction shows only in the order of neighbouring bytes, and the label only in the
 * count over all segments: a model that reads half the document can reach about 71 %, one that reads a single
 * segment 62.5 %. Like sentiment in LRA's IMDb, the evidence is local but spread over the whole document.
 * ({@link EuroparlRepeats}, which needs bytes 500 positions apart matched, was the stand-in before; no row
 * learned it within the {@code cpu} profile's training.)
 */
public final class EuroparlReversals {
    /** The stand-in never uses more than LRA Text's content length, so it is the same task at 1,000 and 1,024. */
    public static final int MAX_BYTES = 1000;
    public static final int SEGMENTS = 8;
    public static final int MORE = 5;
    public static final int FEWER = 3;

    private EuroparlReversals() {
    }

    /** Bytes per document for a budget of {@code budget} bytes: a whole number of segments. */
    public static int documentBytes(int budget) {
        return Math.min(budget, MAX_BYTES) / SEGMENTS * SEGMENTS;
    }

    /**
     * Writes the split's documents, joined by spaces into one stream, as consecutive windows of {@code bytes}
     * bytes, half of them labelled 1, in a seeded order.
     */
    public static void write(List<Document> docs, int bytes, long seed, TokenCacheWriter out) throws IOException {
        if (bytes < SEGMENTS) {
            throw new IllegalArgumentException("the Text stand-in needs at least " + SEGMENTS + " bytes per document, got " + bytes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Document d : docs) {
            joined.write(d.body());
            joined.write(' ');
        }
        byte[] stream = joined.toByteArray();
        int n = stream.length / bytes;
        boolean[] mostlyReversed = new boolean[n];
        int[] labelOrder = Shuffle.permutation(n, random.nextLong());
        for (int k = 0; k < n / 2; k++) {
            mostlyReversed[labelOrder[k]] = true;
        }
        int segment = bytes / SEGMENTS;
        for (int w : Shuffle.permutation(n, random.nextLong())) {
            byte[] doc = java.util.Arrays.copyOfRange(stream, w * bytes, (w + 1) * bytes);
            int[] segments = Shuffle.permutation(SEGMENTS, random.nextLong());
            int reversed = mostlyReversed[w] ? MORE : FEWER;
            for (int k = 0; k < reversed; k++) {
                reverse(doc, segments[k] * segment, segment);
            }
            out.add(mostlyReversed[w] ? 1 : 0, doc, doc.length);
        }
    }

    static void reverse(byte[] a, int from, int length) {
        for (int i = from, j = from + length - 1; i < j; i++, j--) {
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
