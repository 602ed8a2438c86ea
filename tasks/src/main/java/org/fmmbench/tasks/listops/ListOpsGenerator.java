package org.fmmbench.tasks.listops;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * LRA's ListOps generator (lra.md §1) with a seed: random trees where a node below the depth limit is an
 * operator with probability {@code operatorProbability} (2..maxArgs children, operator uniform), otherwise a
 * uniform digit; only distinct trees with {@code minLength < length < maxLength} are kept, in the order drawn.
 */
public final class ListOpsGenerator {
    /** LRA's defaults: depth 10, 10 arguments, operator probability 0.25, length window (500, 2000). */
    public record Config(int maxDepth, int maxArgs, double operatorProbability, int minLength, int maxLength) {
        public static Config lra() {
            return new Config(10, 10, 0.25, 500, 2000);
        }

        /**
         * LRA's generator for a shorter model: the window (500, 2000) that LRA pads to 2048 scaled to
         * {@code contentLength} (e.g. (250, 1000) for 1024), so no expression is ever cut; LRA's own window
         * from 2000 tokens on.
         */
        public static Config fitting(int contentLength) {
            if (contentLength >= 2000) {
                return lra();
            }
            int max = contentLength * 2000 / 2048;
            return new Config(10, 10, 0.25, max / 4, max);
        }

        /** Names the window in data sources and cache keys, e.g. {@code len250-1000} (lengths strictly inside). */
        public String window() {
            return "len" + minLength + "-" + maxLength;
        }
    }

    /** One example: the parenthesised source as in LRA's TSV files, its value, and its length in tokens. */
    public record Example(String source, int label, int length) {
    }

    private static final int END = -1;
    private final Config config;
    private final SplittableRandom random;
    private final Set<Key> seen = new HashSet<>();
    // Tree in prefix order: digit d as d, operator o with n arguments as 100 + 16*o + n, closing bracket as END.
    private int[] tree = new int[4096];
    private int size;

    public ListOpsGenerator(Config config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
    }

    /** The next distinct tree inside the length window. */
    public Example next() {
        while (true) {
            size = 0;
            int[] valueAndLength = grow(1);
            int length = valueAndLength[1];
            if (length > config.minLength() && length < config.maxLength() && seen.add(key())) {
                StringBuilder sb = new StringBuilder(length * 4);
                render(0, sb);
                return new Example(sb.toString(), valueAndLength[0], length);
            }
        }
    }

    private int[] grow(int depth) {
        double u = depth < config.maxDepth() ? random.nextDouble() : 1.0;
        if (u > config.operatorProbability()) {
            int digit = random.nextInt(10);
            push(digit);
            return new int[] {digit, 1};
        }
        int n = random.nextInt(2, config.maxArgs() + 1);
        int slot = size;
        push(0);
        int[] values = new int[n];
        int length = 2;
        for (int i = 0; i < n; i++) {
            int[] child = grow(depth + 1);
            values[i] = child[0];
            length += child[1];
        }
        ListOpsOperator op = ListOpsOperator.values()[random.nextInt(ListOpsOperator.values().length)];
        tree[slot] = 100 + 16 * op.ordinal() + n;
        push(END);
        return new int[] {op.apply(values), length};
    }

    private void push(int v) {
        if (size == tree.length) {
            tree = Arrays.copyOf(tree, size * 2);
        }
        tree[size++] = v;
    }

    /** Writes the node at {@code at} as LRA prints it: every (tree, argument) pair inside "( ... )". */
    private int render(int at, StringBuilder sb) {
        int v = tree[at];
        if (v < 100) {
            sb.append((char) ('0' + v));
            return at + 1;
        }
        int n = (v - 100) % 16;
        ListOpsOperator op = ListOpsOperator.values()[(v - 100) / 16];
        sb.append("( ".repeat(n + 1)).append(op.symbol());
        int next = at + 1;
        for (int i = 0; i < n; i++) {
            sb.append(' ');
            next = render(next, sb);
            sb.append(" )");
        }
        sb.append(" ] )");
        return next + 1;
    }

    private Key key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = ByteBuffer.allocate(size * 4);
            bytes.asIntBuffer().put(tree, 0, size);
            ByteBuffer digest = ByteBuffer.wrap(md.digest(bytes.array()));
            return new Key(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trees are told apart by a 128-bit digest, so 100k of them need not stay on the heap. */
    private record Key(long a, long b) {
    }

    /**
     * Writes {@code basic_test.tsv}, {@code basic_val.tsv} and {@code basic_train.tsv} in LRA's format: the first
     * {@code test} distinct trees go to test, the next {@code val} to val, then train. Test and val come first
     * so that they depend on the seed and window only, never on how many training examples are asked for.
     */
    public static void writeDataset(Path dir, Config config, long seed, int train, int val, int test) throws IOException {
        ListOpsGenerator gen = new ListOpsGenerator(config, seed);
        int[] counts = {test, val, train};
        String[] names = {"basic_test.tsv", "basic_val.tsv", "basic_train.tsv"};
        System.Logger log = System.getLogger(ListOpsGenerator.class.getName());
        int total = train + val + test;
        int done = 0;
        org.fmmbench.tasks.DataFiles.markGenerated(dir, "listops-generated: LRA's ListOps generator, " + config
                + ", seed " + seed + ", " + train + "/" + val + "/" + test);
        for (int s = 0; s < 3; s++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(names[s]), StandardCharsets.UTF_8)) {
                w.write("Source\tTarget\n");
                for (int i = 0; i < counts[s]; i++) {
                    Example e = gen.next();
                    w.write(e.source());
                    w.write('\t');
                    w.write(Integer.toString(e.label()));
                    w.write('\n');
                    if (++done % 10_000 == 0) {
                        log.log(System.Logger.Level.INFO, "ListOps: " + done + " / " + total + " examples generated");
                    }
                }
            }
        }
    }
}
