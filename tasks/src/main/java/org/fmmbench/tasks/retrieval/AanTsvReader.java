package org.fmmbench.tasks.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Reads LRA's AAN pair files {@code new_aan_pairs.*.tsv}: no header, five tab-separated columns
 * {@code label id1 id2 text1 text2}, label 0/1 (written as a float). Each text keeps at most {@code maxBytes} UTF-8 bytes.
 */
public final class AanTsvReader {
    private AanTsvReader() {
    }

    public static void read(Path file, int maxBytes, TokenCacheWriter out) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            byte[][] docs = new byte[2][];
            int[] lengths = new int[2];
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new MalformedDataException(file, "line " + lineNo, "expected 5 tab-separated columns "
                            + "(label, id1, id2, text1, text2), found " + f.length);
                }
                double label;
                try {
                    label = Double.parseDouble(f[0].strip());
                } catch (NumberFormatException e) {
                    throw new MalformedDataException(file, "line " + lineNo, "label '" + f[0] + "' is not a number");
                }
                if (label != 0.0 && label != 1.0) {
                    throw new MalformedDataException(file, "line " + lineNo, "label " + f[0] + " is not 0 or 1");
                }
                for (int d = 0; d < 2; d++) {
                    docs[d] = f[3 + d].getBytes(StandardCharsets.UTF_8);
                    lengths[d] = Math.min(docs[d].length, maxBytes);
                }
                out.add((int) label, docs, lengths);
            }
        }
    }
}
