package org.fmmbench.tasks.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskToolTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TaskTool.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesListOpsFiles() throws Exception {
        run("listops", "--out", dir.toString(), "--train", "3", "--val", "1", "--test", "1", "--seed", "9");
        assertEquals(4, Files.readAllLines(dir.resolve("basic_train.tsv")).size());
    }

    @Test
    void summaryPrintsSizesAndLabelHistograms() {
        String out = run("summary", "listops", "--data-dir", Fixtures.path("listops").toString(), "--cache-dir", dir.toString());
        assertTrue(out.contains("dataSource=listops-lra-files"), out);
        assertTrue(out.contains("train       4 examples, labels [0, 0, 0, 2, 0, 0, 0, 1, 0, 1]"), out);
    }

    @Test
    void badArgumentsExplainTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("listops", "--outt", "x"));
        assertTrue(e.getMessage().contains("unknown option '--outt'") && e.getMessage().contains("usage:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("pathfinder", "--out", "x", "--images", "1500"));
        assertTrue(e.getMessage().contains("multiple of 1000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("frobnicate"));
        assertTrue(e.getMessage().contains("unknown command 'frobnicate'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("listops", "--out", dir.toString(), "--seed", "x1"));
        assertTrue(e.getMessage().contains("--seed must be a whole number"), e.getMessage());
    }
}
