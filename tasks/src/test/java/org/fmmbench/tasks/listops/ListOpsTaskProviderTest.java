package org.fmmbench.tasks.listops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.tasks.Fixtures;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListOpsTaskProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void readsLraFilesWithTheFixedVocabularyPaddedTo2048() {
        try (Task t = TaskRegistry.open("listops", Fixtures.options(Fixtures.path("listops"), cache, "auto"))) {
            assertEquals("listops-lra-files", t.info().dataSource());
            assertEquals(17, t.info().vocabSize());
            assertEquals(10, t.info().numClasses());
            assertEquals(2048, t.info().seqLength());
            Split train = t.split(SplitName.TRAIN);
            assertEquals(4, train.size());
            assertEquals(9, train.label(0));
            int[] dst = new int[2048];
            train.tokens(0, 0, dst);
            // [MAX 2 9 X -> 12, 3, 10, 15, then padding
            assertArrayEquals(new int[] {12, 3, 10, 15, 0}, java.util.Arrays.copyOf(dst, 5));
            assertEquals(0, dst[2047]);
            assertEquals(1, t.split(SplitName.VAL).size());
            assertEquals(2, t.split(SplitName.TEST).size());
            assertEquals(8, t.split(SplitName.TEST).label(1));
        }
    }

    @Test
    void fixtureLabelsAgreeWithTheEvaluator() throws IOException {
        for (String f : List.of("basic_train.tsv", "basic_val.tsv", "basic_test.tsv")) {
            List<String> lines = Files.readAllLines(Fixtures.path("listops/" + f));
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split("\t");
                assertEquals(Integer.parseInt(parts[1]), ListOpsExpression.parse(parts[0]).value(), line);
            }
        }
    }

    @Test
    void findsTheFilesUnderTheReleaseLayout() throws IOException {
        Fixtures.copy("listops", data.resolve("lra_release/listops-1000"));
        try (Task t = TaskRegistry.open("listops", Fixtures.options(data, cache, "auto"))) {
            assertEquals("listops-lra-files", t.info().dataSource());
        }
    }

    @Test
    void generatesExpressionsThatFitTheLengthSoNothingIsCut() {
        TaskOptions o = new TaskOptions(null, cache, "auto", 1024, 5, 20, 4, 3, "pad");
        try (Task t = TaskRegistry.open("listops", o)) {
            assertEquals("listops-generated-len250-1000", t.info().dataSource(), "the window is part of the source");
            assertEquals(1024, t.info().seqLength());
            assertEquals(20, t.split(SplitName.TRAIN).size());
            assertEquals(4, t.split(SplitName.VAL).size());
            assertEquals(3, t.split(SplitName.TEST).size());
            for (SplitName s : SplitName.values()) {
                Split split = t.split(s);
                assertEquals(0.0, split.truncatedFraction());
                int[] dst = new int[1024];
                for (int i = 0; i < split.size(); i++) {
                    split.tokens(i, 0, dst);
                    int length = 0;
                    while (length < dst.length && dst[length] != 0) {
                        length++;
                    }
                    assertTrue(length > 250 && length < 1000, "length " + length + " inside the window");
                }
            }
        }
        assertTrue(Files.isDirectory(cache.resolve("listops-generated/v2-seed5-len250-1000-train20")));
    }

    @Test
    void theLraWindowIsKeptFromTwoThousandTokensOn() {
        assertEquals(ListOpsGenerator.Config.lra(), ListOpsGenerator.Config.fitting(2000));
        assertEquals(ListOpsGenerator.Config.lra(), ListOpsGenerator.Config.fitting(2048));
        assertEquals("len31-125", ListOpsGenerator.Config.fitting(128).window());
    }

    @Test
    void generatedValAndTestDependOnTheSeedAndLengthOnlyNotOnTheTrainingCap() {
        List<String> small = heldOut(new TaskOptions(null, cache, "auto", 128, 7, 10, 5, 5, "pad"));
        List<String> large = heldOut(new TaskOptions(null, cache, "auto", 128, 7, 40, 0, 0, "pad"));
        assertEquals(small, large, "the first held-out examples are the same whatever the caps");
        List<String> otherSeed = heldOut(new TaskOptions(null, cache, "auto", 128, 8, 10, 5, 5, "pad"));
        assertTrue(!otherSeed.equals(small));
    }

    /** The first test examples then the first val examples, as token strings. */
    private static List<String> heldOut(TaskOptions o) {
        List<String> out = new java.util.ArrayList<>();
        try (Task t = TaskRegistry.open("listops", o)) {
            for (SplitName s : List.of(SplitName.TEST, SplitName.VAL)) {
                Split split = t.split(s);
                for (int i = 0; i < Math.min(5, split.size()); i++) {
                    int[] dst = new int[t.info().seqLength()];
                    split.tokens(i, 0, dst);
                    out.add(s + java.util.Arrays.toString(dst));
                }
            }
        }
        return out;
    }

    @Test
    void realFilesLongerThanTheLengthAreRefusedUnlessTruncationIsAllowed() {
        TaskOptions cut = new TaskOptions(Fixtures.path("listops"), cache, "auto", 6, 0, 0, 0, 0, "pad");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("listops", cut));
        assertTrue(e.getMessage().contains("up to 8 tokens") && e.getMessage().contains("data.truncate: true"),
                e.getMessage());
        TaskOptions allowed = new TaskOptions(Fixtures.path("listops"), cache, "auto", 6, 0L, 0, 0, 0, "pad", 0, true);
        try (Task t = TaskRegistry.open("listops", allowed)) {
            assertEquals(0.25, t.split(SplitName.TRAIN).truncatedFraction(), "one of the four training expressions is cut");
        }
        try (Task t = TaskRegistry.open("listops", Fixtures.options(Fixtures.path("listops"), cache, "auto"))) {
            assertEquals(0.0, t.split(SplitName.TRAIN).truncatedFraction());
        }
    }

    @Test
    void leftoversOfAKilledGeneratorAreDiscardedAndTheDataGeneratedAgain() throws IOException {
        Path stale = cache.resolve("listops-generated/v2-seed5-len31-125-train6.part-12345");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("basic_train.tsv"), "Source\tTarget\n( ( [MAX 2 ) ] )\t2\n");
        TaskOptions o = new TaskOptions(null, cache, "auto", 128, 5, 6, 2, 2, "pad");
        try (Task t = TaskRegistry.open("listops", o)) {
            assertEquals(6, t.split(SplitName.TRAIN).size());
        }
        assertTrue(Files.notExists(stale));
        assertEquals(7, Files.readAllLines(cache.resolve("listops-generated/v2-seed5-len31-125-train6/basic_train.tsv")).size());
    }

    @Test
    void generatedFilesReadThroughTheDataDirKeepTheGeneratedSourceName() throws IOException {
        ListOpsGenerator.writeDataset(data, ListOpsGenerator.Config.lra(), 2, 3, 1, 1);
        try (Task t = TaskRegistry.open("listops", Fixtures.options(data, cache, "auto"))) {
            assertEquals("listops-generated", t.info().dataSource());
            assertEquals(3, t.split(SplitName.TRAIN).size());
        }
    }

    @Test
    void explicitLraSourceWithoutFilesSaysWhereItLookedAndHowToGetThem() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> TaskRegistry.open("listops", Fixtures.options(data, cache, "listops-lra-files")));
        assertTrue(e.getMessage().contains("basic_{train,val,test}.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains(data.resolve("lra_release/listops-1000").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("lra_release.gz"), e.getMessage());
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine() throws IOException {
        assertMalformed("basic_val.tsv", "Source\tTarget\n( ( [MAX 2 ) ] )\t12\n", "line 2", "outside 0..9");
        assertMalformed("basic_val.tsv", "Source\tTarget\n( ( [MAX 2 ) ] )\t2\n( ( [MAX 2 ) ] ) 4\n", "line 3", "two tab-separated fields");
        assertMalformed("basic_val.tsv", "Source\tTarget\n( ( [MAX 2 ) ] )\tnine\n", "line 2", "not an integer");
        assertMalformed("basic_test.tsv", "Target\tSource\n", "line 1", "header");
    }

    private void assertMalformed(String file, String content, String where, String problem) throws IOException {
        Path dir = Files.createTempDirectory(data, "case");
        Fixtures.copy("listops", dir);
        Files.writeString(dir.resolve(file), content);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskRegistry.open("listops", Fixtures.options(dir, cache, "auto")).close());
        assertTrue(e.getMessage().contains(dir.resolve(file).toString()), e.getMessage());
        assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
