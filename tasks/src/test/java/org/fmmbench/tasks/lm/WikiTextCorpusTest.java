package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.SplitName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikiTextCorpusTest {
    @TempDir
    Path tmp;

    private Path fixture() throws IOException {
        Path dir = tmp.resolve("data").resolve("wikitext-103");
        Files.createDirectories(dir);
        for (String f : WikiTextCorpus.FILES) {
            try (var in = WikiTextCorpusTest.class.getResourceAsStream("wikitext/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    private static List<String> words(LmCorpus c, SplitName s) {
        TokenStream t = c.stream(s);
        List<String> out = new ArrayList<>();
        for (long i = 0; i < t.length(); i++) {
            out.add(c.vocabulary().word(t.get(i)));
        }
        return out;
    }

    @Test
    void everyLineIsSplitOnWhitespaceAndEndsWithEosBlankLinesIncluded() throws IOException {
        List<String> tokens = new ArrayList<>();
        WikiTextReader.forEach(fixture().resolve("wiki.valid.tokens"), tokens::add);
        assertEquals(List.of("<eos>", "=", "Boulter", "=", "<eos>", "<eos>", "He", "had", "a", "role", "in", "the",
                "play", ".", "<eos>"), tokens);
    }

    @Test
    void unicodeWhiteSpaceSeparatesTokensAsInPythonsSplit() throws IOException {
        Path f = tmp.resolve("w.tokens");
        Files.writeString(f, " a\u00a0b\u2009c \n");
        List<String> tokens = new ArrayList<>();
        WikiTextReader.forEach(f, tokens::add);
        assertEquals(List.of("a", "b", "c", "<eos>"), tokens);
    }

    @Test
    void vocabularyIsEosThenTrainFrequencyWithTiesInFirstOccurrenceOrder() throws IOException {
        try (LmCorpus c = WikiTextCorpus.open("wikitext-103", fixture().getParent(), tmp.resolve("cache"))) {
            assertEquals(List.of("<eos>", "=", "Boulter", ".", "Robert", ",", "television", "the", "in", "<unk>",
                    "is", "an", "English", "film", "and", "theatre", "actor", "He", "had", "a", "guest", "@-@",
                    "starring", "role", "on", "series", "The", "Bill", "2000", "Career", "In", "2006", "starred",
                    "alongside", "Whishaw", "play", "written", "by", "Mark"), c.vocabulary().words());
            assertEquals(c.vocabulary().size(), c.vocabSize());
            assertEquals("wikitext-103-files", c.dataSource());
        }
    }

    @Test
    void streamsHoldEverySplitInFileOrderAndTheCacheIsReused() throws IOException {
        Path data = fixture().getParent();
        Path cache = tmp.resolve("cache");
        List<String> test;
        try (LmCorpus c = WikiTextCorpus.open("wikitext-103", data, cache)) {
            test = words(c, SplitName.TEST);
            assertEquals(List.of("<eos>", "=", "=", "Career", "=", "=", "<eos>", "<eos>", "Boulter", "starred", "in",
                    "a", "series", "written", "by", "Whishaw", ".", "<eos>"), test);
            List<String> train = words(c, SplitName.TRAIN);
            assertEquals(List.of("<eos>", "=", "Robert", "Boulter", "=", "<eos>"), train.subList(0, 6));
            assertEquals(List.of("<unk>", "written", "by", "Mark", "<unk>", ".", "<eos>"),
                    train.subList(train.size() - 7, train.size()));
        }
        try (var dirs = Files.list(cache.resolve("lm"))) {
            Path built = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            Path vocab = built.resolve("vocab.txt");
            long stamp = Files.getLastModifiedTime(vocab).toMillis();
            try (LmCorpus again = WikiTextCorpus.open("wikitext-103", data, cache)) {
                assertEquals(test, words(again, SplitName.TEST));
            }
            assertEquals(stamp, Files.getLastModifiedTime(vocab).toMillis(), "cache rebuilt instead of reused");
        }
    }

    @Test
    void wordsMissingFromTheTrainingVocabularyBecomeUnk() throws IOException {
        Path dir = fixture();
        Files.writeString(dir.resolve("wiki.test.tokens"), " Boulter met Zeppelin . \n");
        try (LmCorpus c = WikiTextCorpus.open("wikitext-103", dir.getParent(), tmp.resolve("cache"))) {
            assertEquals(List.of("Boulter", "<unk>", "<unk>", ".", "<eos>"), words(c, SplitName.TEST));
        }
    }

    @Test
    void missingFilesNameWhatIsMissingAndWhereToGetIt() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> WikiTextCorpus.open("wikitext-103", tmp, tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("wiki.train.tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("wikitext-103-v1.zip"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
        MissingDataException none = assertThrows(MissingDataException.class,
                () -> WikiTextCorpus.open("wikitext-2", null, tmp.resolve("cache")));
        assertTrue(none.getMessage().contains("--data-dir"), none.getMessage());
    }

    @Test
    void anEmptyFileIsRejectedNamingIt() throws IOException {
        Path dir = fixture();
        Files.writeString(dir.resolve("wiki.valid.tokens"), "");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> WikiTextCorpus.open("wikitext-103", dir.getParent(), tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("wiki.valid.tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("no words"), e.getMessage());
        try (var left = Files.list(tmp.resolve("cache").resolve("lm"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().matches("wikitext-103-[0-9a-f]+")),
                    "no finished cache directory may be left behind by a failed build");
        }
    }

    @Test
    void nonUtf8TextIsRejectedWithFileAndLine() throws IOException {
        Path dir = fixture();
        Files.write(dir.resolve("wiki.train.tokens"), new byte[] {' ', 'a', '\n', ' ', 'b', '\n', ' ', (byte) 0xff,
                (byte) 0xfe, '\n'});
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> WikiTextCorpus.open("wikitext-103", dir.getParent(), tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("wiki.train.tokens") && e.getMessage().contains("line 3"),
                e.getMessage());
    }

    @Test
    void aDamagedCachedStreamIsRejectedWithTheFixInTheMessage() throws IOException {
        Path data = fixture().getParent();
        Path cache = tmp.resolve("cache");
        WikiTextCorpus.open("wikitext-103", data, cache).close();
        Path ids;
        try (var dirs = Files.list(cache.resolve("lm"))) {
            ids = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("train.ids");
        }
        byte[] all = Files.readAllBytes(ids);
        Files.write(ids, java.util.Arrays.copyOf(all, all.length - 5));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> WikiTextCorpus.open("wikitext-103", data, cache));
        assertTrue(e.getMessage().contains("train.ids") && e.getMessage().contains("delete"), e.getMessage());
    }
}
