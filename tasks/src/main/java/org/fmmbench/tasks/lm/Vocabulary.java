package org.fmmbench.tasks.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.tasks.MalformedDataException;

/**
 * Word ↔ id map of a word-level corpus, built from the training split as the official corpus code does:
 * {@code <eos>} is id 0, then words by decreasing training frequency, ties in order of first occurrence (what
 * Python's {@code Counter.most_common} gives). Saved as a text file, one word per line, line i = id i, so ids
 * stay stable across runs.
 */
public final class Vocabulary {
    public static final String EOS = "<eos>";
    public static final String UNK = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /** Counts words in first-occurrence order (feed it every training token, {@code <eos>} included). */
    public static final class Counter {
        private final LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();

        public void add(String word) {
            counts.computeIfAbsent(word, w -> new long[1])[0]++;
        }

        public Vocabulary build() {
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
            // stable sort: equal counts keep first-occurrence order
            entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            List<String> words = new ArrayList<>();
            words.add(EOS);
            for (Map.Entry<String, long[]> e : entries) {
                if (!e.getKey().equals(EOS)) {
                    words.add(e.getKey());
                }
            }
            return new Vocabulary(words);
        }
    }

    public static Vocabulary of(List<String> wordsInIdOrder) {
        return new Vocabulary(wordsInIdOrder);
    }

    public int size() {
        return words.size();
    }

    public String word(int id) {
        return words.get(id);
    }

    public List<String> words() {
        return Collections.unmodifiableList(words);
    }

    /** The id of {@code word}, or -1 if it is not in the vocabulary. */
    public int id(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    public void save(Path file) {
        try {
            Files.write(file, words, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vocabulary " + file, e);
        }
    }

    public static Vocabulary load(Path file) {
        List<String> words;
        try {
            words = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + file, e);
        }
        if (words.isEmpty() || !words.get(0).equals(EOS)) {
            throw new MalformedDataException(file, "line 1", "a vocabulary file starts with " + EOS
                    + "; delete the cache directory " + file.getParent() + " and it will be rebuilt");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace) || seen.put(w, i) != null) {
                throw new MalformedDataException(file, "line " + (i + 1), "empty, duplicate or whitespace-holding "
                        + "word '" + w + "'");
            }
        }
        return new Vocabulary(words);
    }
}
