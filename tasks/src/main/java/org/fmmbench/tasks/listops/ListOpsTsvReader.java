package org.fmmbench.tasks.listops;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/** Reads LRA's {@code basic_*.tsv} (header {@code Source<TAB>Target}) into a token cache, keeping at most 2000 tokens. */
public final class ListOpsTsvReader {
    /** LRA's max_length: longer expressions are cut, as LRA does. */
    public static final int MAX_TOKENS = 2000;

    private ListOpsTsvReader() {
    }

    public static void read(Path file, TokenCacheWriter out) throws IOException {
        byte[] ids = new byte[MAX_TOKENS];
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.strip().equals("Source\tTarget")) {
                throw new MalformedDataException(file, "line 1", "expected the header 'Source<TAB>Target', found '"
                        + (header == null ? "end of file" : abbreviate(header)) + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab < 0 || line.indexOf('\t') != tab) {
                    throw new MalformedDataException(file, "line " + lineNo, "expected two tab-separated fields (Source, Target)");
                }
                int label;
                try {
                    label = Integer.parseInt(line.substring(tab + 1).strip());
                } catch (NumberFormatException e) {
                    throw new MalformedDataException(file, "line " + lineNo, "target '" + abbreviate(line.substring(tab + 1)) + "' is not an integer");
                }
                if (label < 0 || label > 9) {
                    throw new MalformedDataException(file, "line " + lineNo, "target " + label + " is outside 0..9");
                }
                String[] tokens = ListOpsVocabulary.tokens(line.substring(0, tab));
                if (tokens.length == 0) {
                    throw new MalformedDataException(file, "line " + lineNo, "empty expression");
                }
                int n = Math.min(tokens.length, MAX_TOKENS);
                for (int i = 0; i < n; i++) {
                    ids[i] = (byte) ListOpsVocabulary.id(tokens[i]);
                }
                out.add(label, ids, n);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
