package org.fmmbench.tasks.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Shuffle;
import org.fmmbench.tasks.cache.TokenCacheWriter;

/** Reads one part ({@code train} or {@code test}) of the aclImdb folders: {@code pos/*.txt} = 1, {@code neg/*.txt} = 0. */
public final class AclImdbReader {
    private AclImdbReader() {
    }

    /** Writes every review of {@code <root>/<part>/{pos,neg}} as raw bytes, in a seeded order. */
    public static void read(Path root, String part, long seed, TokenCacheWriter out) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String polarity : List.of("neg", "pos")) {
            Path dir = root.resolve(part).resolve(polarity);
            if (!Files.isDirectory(dir)) {
                throw new MissingDataException("Text: aclImdb folder " + dir + " not found");
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                    files.add(f);
                    labels.add(polarity.equals("pos") ? 1 : 0);
                }
            }
        }
        for (int i : Shuffle.permutation(files.size(), seed)) {
            byte[] bytes = Files.readAllBytes(files.get(i));
            out.add(labels.get(i), bytes, bytes.length);
        }
    }
}
