package org.fmmbench.tasks.retrieval;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/**
 * Reads LRA's AAN pair files {@code new_aan_pairs.*.tsv}: no header, five tab-separated columns
 * {@code label id1 id2 text1 text2}, label 0/1 (written as a float). Like LRA, the texts are raw bytes: records
 * end at {@code \n} only (a {@code \r} before it is dropped), fields are split on the tab byte, nothing is decoded,
 * and each text keeps at most {@code maxBytes} bytes.
 */
public final class AanTsvReader {
    private static final int FIELDS = 5;

    private AanTsvReader() {
    }

    public static void read(Path file, int maxBytes, TokenCacheWriter out) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream record = new ByteArrayOutputStream(1 << 14);
            int lineNo = 0;
            int c;
            do {
                c = in.read();
                if (c != '\n' && c != -1) {
                    record.write(c);
                    continue;
                }
                lineNo++;
                byte[] line = record.toByteArray();
                record.reset();
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                if (length > 0) {
                    add(file, lineNo, Arrays.copyOf(line, length), maxBytes, out);
                }
            } while (c != -1);
        }
    }

    private static void add(Path file, int lineNo, byte[] line, int maxBytes, TokenCacheWriter out) throws IOException {
        int[] start = new int[FIELDS + 1];
        int fields = 1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\t') {
                if (fields < FIELDS) {
                    start[fields] = i + 1;
                }
                fields++;
            }
        }
        if (fields != FIELDS) {
            throw new MalformedDataException(file, "line " + lineNo, "expected 5 tab-separated columns "
                    + "(label, id1, id2, text1, text2), found " + fields);
        }
        start[FIELDS] = line.length + 1;
        String labelText = new String(line, 0, start[1] - 1, StandardCharsets.ISO_8859_1).strip();
        double label;
        try {
            label = Double.parseDouble(labelText);
        } catch (NumberFormatException e) {
            throw new MalformedDataException(file, "line " + lineNo, "label '" + labelText + "' is not a number");
        }
        if (label != 0.0 && label != 1.0) {
            throw new MalformedDataException(file, "line " + lineNo, "label " + labelText + " is not 0 or 1");
        }
        byte[][] docs = new byte[2][];
        int[] lengths = new int[2];
        for (int d = 0; d < 2; d++) {
            docs[d] = Arrays.copyOfRange(line, start[3 + d], start[4 + d] - 1);
            lengths[d] = Math.min(docs[d].length, maxBytes);
        }
        out.add((int) label, docs, lengths);
    }
}
