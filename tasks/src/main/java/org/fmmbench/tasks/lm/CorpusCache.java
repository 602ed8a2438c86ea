package org.fmmbench.tasks.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.fmmbench.tasks.SplitName;

/** File names inside one corpus cache directory: {@code vocab.txt} and {@code <split>.ids}. */
final class CorpusCache {
    static final String VOCAB = "vocab.txt";

    private CorpusCache() {
    }

    static Path stream(Path dir, SplitName split) {
        return dir.resolve(split.label() + ".ids");
    }

    static Map<SplitName, TokenStream> openStreams(Path dir) {
        Map<SplitName, TokenStream> streams = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            streams.put(s, TokenStream.open(stream(dir, s)));
        }
        return streams;
    }

    /** Writes one split's stream through {@code body}, committing it only if {@code body} returns normally. */
    static void write(Path dir, SplitName split, IoBody body) throws IOException {
        try (TokenStreamWriter w = new TokenStreamWriter(stream(dir, split))) {
            body.write(w);
            w.commit();
        }
    }

    @FunctionalInterface
    interface IoBody {
        void write(TokenStreamWriter w) throws IOException;
    }
}
