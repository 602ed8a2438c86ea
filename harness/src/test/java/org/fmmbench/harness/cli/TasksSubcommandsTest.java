package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tasks generate} and {@code tasks summary}: what the data layer's old stand-alone tool did, in the CLI. */
class TasksSubcommandsTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void generatedListOpsFilesOpenAsTheRealDataWithTheirSizesAndLabelCounts() throws Exception {
        Path data = dir.resolve("listops");
        Outcome generated = run("tasks", "generate", "listops", "--out", data.toString(), "--train", "3", "--val", "1",
                "--test", "2", "--seed", "9");
        assertEquals(0, generated.code(), generated.err());
        assertEquals(4, Files.readAllLines(data.resolve("basic_train.tsv")).size(), "a header and 3 examples");

        Outcome summary = run("tasks", "summary", "listops", "--data-dir", data.toString(), "--cache-dir",
                dir.resolve("cache").toString());
        assertEquals(0, summary.code(), summary.err());
        // read from --data-dir, and known by the generator's marker file as generated rather than LRA's own
        assertTrue(summary.out().contains("dataSource=listops-generated,"), summary.out());
        Matcher train = Pattern.compile("train\\s+3 examples, labels \\[([0-9, ]+)]").matcher(summary.out());
        assertTrue(train.find(), summary.out());
        assertEquals(10, train.group(1).split(", ").length, "one count per ListOps class");
        assertEquals(3, Arrays.stream(train.group(1).split(", ")).mapToInt(Integer::parseInt).sum());
        assertTrue(summary.out().matches("(?s).*test\\s+2 examples.*"), summary.out());
    }

    @Test
    void badGeneratorOptionsNameTheProblemAndExitWithTwo() {
        String out = dir.resolve("pf").toString();
        assertBad("--images must be a multiple of 1000", "tasks", "generate", "pathfinder", "--out", out,
                "--images", "1500");
        assertBad("contour length must be 6, 9 or 14", "tasks", "generate", "pathfinder", "--out", out,
                "--contour-length", "7");
        assertBad("generate listops: Unknown options: '--outt'", "tasks", "generate", "listops", "--out", out, "--outt", out);
        assertBad("--seed", "tasks", "generate", "listops", "--out", out, "--seed", "x1");
        assertBad("--train must be at least 1", "tasks", "generate", "listops", "--out", out, "--train", "0");
        assertBad("Missing data set", "tasks", "generate");
        assertTrue(Files.notExists(dir.resolve("pf")), "nothing is written before the options are checked");
    }

    @Test
    void anUnknownTaskOrAFileAsOutputIsBadInput() throws Exception {
        assertBad("cifar", "tasks", "summary", "cifar", "--cache-dir", dir.toString());
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        assertBad("is a file", "tasks", "generate", "listops", "--out", file.toString(), "--train", "1");
        assertEquals("keep me", Files.readString(file));
    }

    private static void assertBad(String expected, String... args) {
        Outcome o = run(args);
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, o.code(), String.join(" ", args) + ": " + o.out() + o.err());
        assertTrue(o.err().contains(expected), expected + " in: " + o.err());
    }
}
