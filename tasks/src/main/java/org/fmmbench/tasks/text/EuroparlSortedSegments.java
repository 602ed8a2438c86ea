package org.fmmbench.tasks.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;
import org.fmmbench.tasks.europarl.EuroparlCorpus.Document;

/**
 * The Text stand-in: are most of a document's segments sorted? Every example is a window of Europarl text cut
 * into {@link #SEGMENTS} equal segments, of which {@link #MORE} (label 1) or {@link #FEWER} (label 0), chosen at
 * random, have their bytes sorted and then rotated by a random amount.
 *
 * <p>Why this task: sorting a segment keeps its bytes, so byte counts carry no signal and a bag-of-bytes
 * classifier stays at chance. Windows start at arbitrary bytes of a stream of whole documents, and the random
 * rotation puts a sorted segment's runs anywhere in it, so every position sees the same bytes with the same
 * frequencies in both classes: a model whose positions never see each other (the {@code none} row) is at chance
 * too. A sorted segment shows in its neighbourhoods (runs of one byte), and the label only in the count over all
 * segments: a model that reads half the document can reach about 71 %, one that reads a single segment 62.5 %.
 * Like sentiment in LRA's IMDb, the evidence is local but spread over the whole document.
 *
 * <p>Subtler changes that keep byte counts (segments reversed or shuffled) were tried first: at the {@code cpu}
 * profile's budget (lr 1e-4, batches of 8) the band row stayed at chance on both for 400 steps, even with every
 * segment shuffled, while a bigram Naive Bayes separates them: at initialisation a window's attention average
 * carries no trace of order, but it does carry a run of equal bytes (docs/tasks.md). {@link EuroparlRepeats} (bytes 500
 * positions apart to be matched) was the stand-in before; no row learned it within the {@code cpu} profile.
 */
public final class EuroparlSortedSegments {
    /** The stand-in never uses more than LRA Text's content length, so it is the same task at 1,000 and 1,024. */
    public static final int MAX_BYTES = 1000;
    public static final int SEGMENTS = 8;
    public static final int MORE = 5;
    public static final int FEWER = 3;

    private EuroparlSortedSegments() {
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
        boolean[] mostlySorted = new boolean[n];
        int[] labelOrder = Shuffle.permutation(n, random.nextLong());
        for (int k = 0; k < n / 2; k++) {
            mostlySorted[labelOrder[k]] = true;
        }
        int segment = bytes / SEGMENTS;
        for (int w : Shuffle.permutation(n, random.nextLong())) {
            byte[] doc = Arrays.copyOfRange(stream, w * bytes, (w + 1) * bytes);
            int[] segments = Shuffle.permutation(SEGMENTS, random.nextLong());
            int sorted = mostlySorted[w] ? MORE : FEWER;
            for (int k = 0; k < sorted; k++) {
                sortAndRotate(doc, segments[k] * segment, segment, random.nextInt(segment));
            }
            out.add(mostlySorted[w] ? 1 : 0, doc, doc.length);
        }
    }

    /** Sorts {@code a[from, from + length)} by unsigned byte value and rotates it right by {@code shift}. */
    static void sortAndRotate(byte[] a, int from, int length, int shift) {
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = Byte.toUnsignedInt(a[from + i]);
        }
        Arrays.sort(values);
        for (int i = 0; i < length; i++) {
            a[from + (i + shift) % length] = (byte) values[i];
        }
    }
}
