package org.fmmbench.tasks.listops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListOpsGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleHasTheEvaluatorsValueAndRespectsLengthDepthAndArity() {
        ListOpsGenerator.Config c = ListOpsGenerator.Config.lra();
        ListOpsGenerator gen = new ListOpsGenerator(c, 7);
        Set<String> seen = new HashSet<>();
        int[] labels = new int[10];
        for (int i = 0; i < 400; i++) {
            ListOpsGenerator.Example e = gen.next();
            ListOpsExpression parsed = ListOpsExpression.parse(e.source());
            assertEquals(parsed.value(), e.label(), e.source());
            assertEquals(parsed.length(), e.length());
            assertTrue(e.length() > 500 && e.length() < 2000, "length " + e.length());
            assertTrue(parsed.depth() <= c.maxDepth() - 1, "operators nest at most 9 deep below a root at depth 1");
            assertTrue(parsed.maxArgs() >= 2 && parsed.maxArgs() <= c.maxArgs());
            assertTrue(seen.add(e.source()), "trees are distinct");
            labels[e.label()]++;
        }
        for (int l = 0; l < 10; l++) {
            assertTrue(labels[l] > 0, "label " + l + " never drawn");
        }
    }

    @Test
    void writesLrasTsvFormatWhichTheReaderTokenisesWithTheFixedVocabulary() throws IOException {
        ListOpsGenerator.writeDataset(dir, ListOpsGenerator.Config.lra(), 1, 5, 2, 3);
        List<String> lines = Files.readAllLines(dir.resolve("basic_train.tsv"));
        assertEquals("Source\tTarget", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("( "), "LRA's parenthesised serialisation");
        assertEquals(4, Files.readAllLines(dir.resolve("basic_test.tsv")).size());
        for (String t : ListOpsVocabulary.tokens(lines.get(1).split("\t")[0])) {
            assertTrue(ListOpsVocabulary.id(t) >= 1 && ListOpsVocabulary.id(t) <= 15, t);
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        ListOpsGenerator.writeDataset(a, ListOpsGenerator.Config.lra(), 42, 30, 5, 5);
        ListOpsGenerator.writeDataset(b, ListOpsGenerator.Config.lra(), 42, 30, 5, 5);
        ListOpsGenerator.writeDataset(c, ListOpsGenerator.Config.lra(), 43, 30, 5, 5);
        for (String f : List.of("basic_train.tsv", "basic_val.tsv", "basic_test.tsv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f))), f);
        }
    }

    @Test
    void noTreeAppearsInTwoSplits() throws IOException {
        ListOpsGenerator.writeDataset(dir, ListOpsGenerator.Config.lra(), 3, 60, 20, 20);
        Set<String> all = new HashSet<>();
        int n = 0;
        for (String f : List.of("basic_train.tsv", "basic_val.tsv", "basic_test.tsv")) {
            for (String line : Files.readAllLines(dir.resolve(f)).subList(1, Files.readAllLines(dir.resolve(f)).size())) {
                all.add(line);
                n++;
            }
        }
        assertEquals(n, all.size());
    }
}
