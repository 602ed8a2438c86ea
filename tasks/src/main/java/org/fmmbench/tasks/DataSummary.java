package org.fmmbench.tasks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What data a cell saw, in a form two runs can compare: a fingerprint over the vocabulary, the split sizes and
 * labels, every token the model can read (so also the length histogram), and the share of examples cut short
 * in each split. Two cells with the same fingerprint trained and were scored on exactly the same examples.
 *
 * @param fingerprint 12 hex digits of a SHA-256 over the task's shape, labels and tokens
 * @param lengthHistogram documents per sixteenth of the padded length, by their number of non-pad tokens
 * @param truncated per split, the share of examples with a document longer than the kept content
 */
public record DataSummary(String fingerprint, int[] lengthHistogram, Map<SplitName, Double> truncated) {
    public static final int BUCKETS = 16;

    public DataSummary {
        lengthHistogram = lengthHistogram.clone();
        truncated = Map.copyOf(truncated);
    }

    /** Reads every example of every split once. */
    public static DataSummary of(Task task) {
        TaskInfo info = task.info();
        MessageDigest md = sha256();
        md.update((info.task() + "|" + info.dataSource() + "|" + info.vocabSize() + "|" + info.numClasses() + "|"
                + info.seqLength() + "|" + info.documents() + "|" + info.padId()).getBytes(StandardCharsets.UTF_8));
        int[] histogram = new int[BUCKETS];
        Map<SplitName, Double> truncated = new EnumMap<>(SplitName.class);
        int[] tokens = new int[info.seqLength()];
        ByteBuffer bytes = ByteBuffer.allocate(4 * info.seqLength());
        for (SplitName name : SplitName.values()) {
            Split split = task.split(name);
            md.update(ByteBuffer.allocate(8).putInt(name.ordinal()).putInt(split.size()).array());
            for (int i = 0; i < split.size(); i++) {
                md.update(ByteBuffer.allocate(4).putInt(split.label(i)).array());
                for (int d = 0; d < info.documents(); d++) {
                    split.tokens(i, d, tokens);
                    bytes.clear();
                    bytes.asIntBuffer().put(tokens);
                    md.update(bytes.array());
                    int length = 0;
                    for (int t : tokens) {
                        length += t == info.padId() ? 0 : 1;
                    }
                    histogram[Math.min(BUCKETS - 1, length * BUCKETS / Math.max(1, info.seqLength()))]++;
                }
            }
            truncated.put(name, split.truncatedFraction());
        }
        return new DataSummary(HexFormat.of().formatHex(md.digest(), 0, 6), histogram, truncated);
    }

    /**
     * A corpus of token streams (language modelling): the fingerprint covers its name, vocabulary size and every
     * byte of the stream files; streams are never cut, and documents have no lengths to histogram.
     */
    public static DataSummary ofStreams(String dataSource, int vocabSize, java.util.List<java.nio.file.Path> files) {
        MessageDigest md = sha256();
        md.update((dataSource + "|" + vocabSize).getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[1 << 16];
        for (java.nio.file.Path f : files) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    md.update(buffer, 0, n);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + f, e);
            }
        }
        Map<SplitName, Double> none = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            none.put(s, 0.0);
        }
        return new DataSummary(HexFormat.of().formatHex(md.digest(), 0, 6), new int[BUCKETS], none);
    }

    /** One line for the console, e.g. {@code fingerprint 3f2a... truncated train 0.0% val 0.0% test 0.0%}. */
    public String describe() {
        StringJoiner cut = new StringJoiner(", ");
        truncated.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> cut.add(e.getKey().label() + " " + percent(e.getValue())));
        return "fingerprint " + fingerprint + ", truncated " + cut + ", lengths by sixteenths " + Arrays.toString(lengthHistogram);
    }

    public double truncated(SplitName split) {
        return truncated.getOrDefault(split, 0.0);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
