import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Perplexity of count-based n-gram models on an fmmbench LM corpus cache: what a model that uses no context beyond
 * the previous one or two tokens reaches on the same tokens the LM cells are scored on. A cell that does not beat
 * the bigram has not used its attention for anything a count table cannot do.
 *
 * <p>Run without building the project (Java 17 single-file launch):
 * {@code java docs/measurements/lm-ngram/NgramPerplexity.java CORPUS_DIR [TEST_TOKENS [TRAIN_TOKENS]]}, where
 * CORPUS_DIR holds {@code train.ids} and {@code test.ids} (the cache's {@code lm/<corpus>-seed<S>-<hash>} folder),
 * TEST_TOKENS is how many leading test tokens to score (default 65,536, the {@code cpu} profile's
 * {@code data.maxTest}) and TRAIN_TOKENS how many leading train tokens to count (default all; a cell of the
 * {@code cpu} profile sees 550 steps x 16 x 256 = 2,252,800).
 *
 * <p>Models, all estimated on the whole train split: unigram with add-one smoothing; bigram and trigram with
 * interpolated Kneser-Ney (discount 0.75), the usual strong count baseline.
 */
public final class NgramPerplexity {
    private static final double DISCOUNT = 0.75;

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java NgramPerplexity.java CORPUS_DIR [TEST_TOKENS [TRAIN_TOKENS]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int[] trainAll = read(dir.resolve("train.ids"));
        int[] train = args.length == 3
                ? Arrays.copyOf(trainAll, Math.min(Integer.parseInt(args[2]), trainAll.length)) : trainAll;
        int[] testAll = read(dir.resolve("test.ids"));
        int limit = args.length >= 2 ? Integer.parseInt(args[1]) : 65_536;
        int[] test = Arrays.copyOf(testAll, Math.min(limit, testAll.length));
        int v = 0;
        for (int t : train) v = Math.max(v, t + 1);
        for (int t : test) v = Math.max(v, t + 1);

        long[] uni = new long[v];
        long[] bi = new long[v * v];
        long[] tri = new long[v * v * v];
        for (int i = 0; i < train.length; i++) {
            uni[train[i]]++;
            if (i >= 1) bi[train[i - 1] * v + train[i]]++;
            if (i >= 2) tri[(train[i - 2] * v + train[i - 1]) * v + train[i]]++;
        }
        // Kneser-Ney continuation counts: in how many distinct contexts a token (or bigram) follows.
        long[] contUni = new long[v];
        long bigramTypes = 0;
        long[] followersOf = new long[v];
        long[] biTotal = new long[v];
        for (int a = 0; a < v; a++) {
            for (int b = 0; b < v; b++) {
                long c = bi[a * v + b];
                if (c > 0) {
                    contUni[b]++;
                    bigramTypes++;
                    followersOf[a]++;
                    biTotal[a] += c;
                }
            }
        }
        long[] contBi = new long[v * v];
        long[] triFollowers = new long[v * v];
        long[] triTotal = new long[v * v];
        for (int a = 0; a < v; a++) {
            for (int b = 0; b < v; b++) {
                for (int c = 0; c < v; c++) {
                    long n = tri[(a * v + b) * v + c];
                    if (n > 0) {
                        contBi[b * v + c]++;
                        triFollowers[a * v + b]++;
                        triTotal[a * v + b] += n;
                    }
                }
            }
        }
        long[] contBiTotal = new long[v];
        long[] contBiFollowers = new long[v];
        for (int b = 0; b < v; b++) {
            for (int c = 0; c < v; c++) {
                if (contBi[b * v + c] > 0) {
                    contBiTotal[b] += contBi[b * v + c];
                    contBiFollowers[b]++;
                }
            }
        }

        double nllUni = 0, nllBi = 0, nllTri = 0;
        int scored = 0;
        for (int i = 1; i < test.length; i++) {
            int w = test[i];
            int p = test[i - 1];
            double pUni = (uni[w] + 1.0) / (train.length + (double) v);
            double pCont = (contUni[w] + 1.0) / (bigramTypes + (double) v);
            double pBi = interpolate(bi[p * v + w], biTotal[p], followersOf[p], pCont);
            double pTri;
            if (i >= 2) {
                int pp = test[i - 2];
                // The trigram backs off to a bigram of continuation counts, as interpolated Kneser-Ney does.
                double pBiCont = interpolate(contBi[p * v + w], contBiTotal[p], contBiFollowers[p], pCont);
                pTri = interpolate(tri[(pp * v + p) * v + w], triTotal[pp * v + p], triFollowers[pp * v + p],
                        pBiCont);
            } else {
                pTri = pBi;
            }
            nllUni -= Math.log(pUni);
            nllBi -= Math.log(pBi);
            nllTri -= Math.log(pTri);
            scored++;
        }
        System.out.printf("corpus %s%n", dir.getFileName());
        System.out.printf("train tokens counted %,d (of %,d); ids below %d; test tokens scored %,d (of %,d)%n",
                train.length, trainAll.length, v, scored, testAll.length);
        System.out.printf("unigram (add-one)         perplexity %.2f%n", Math.exp(nllUni / scored));
        System.out.printf("bigram (interpolated KN)  perplexity %.2f%n", Math.exp(nllBi / scored));
        System.out.printf("trigram (interpolated KN) perplexity %.2f%n", Math.exp(nllTri / scored));
    }

    /** Interpolated Kneser-Ney: discounted relative frequency plus the freed mass times the lower order. */
    private static double interpolate(long count, long contextTotal, long contextTypes, double lower) {
        if (contextTotal == 0) {
            return lower;
        }
        return Math.max(count - DISCOUNT, 0) / contextTotal + DISCOUNT * contextTypes / (double) contextTotal * lower;
    }

    /** A TokenStream file: magic FMLMIDS1, little-endian long count, count int32 ids (then FMLMDONE). */
    private static int[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            byte[] header = data.readNBytes(16);
            if (header.length < 16 || !new String(header, 0, 8, StandardCharsets.US_ASCII)
                    .equals("FMLMIDS1")) {
                throw new IOException(file + " is not an fmmbench token file (no FMLMIDS1 header)");
            }
            long count = ByteBuffer.wrap(header, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] body = data.readNBytes(Math.toIntExact(count * 4));
            int[] ids = new int[Math.toIntExact(count)];
            ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ids);
            return ids;
        }
    }
}
