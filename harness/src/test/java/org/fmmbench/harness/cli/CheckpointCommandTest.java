package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmmbench checkpoint} on bad input: one line naming the problem and its fix, exit code 2. */
class CheckpointCommandTest {
    @TempDir
    Path dir;

    private void assertBad(String expected, String... args) {
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains(expected), expected + " in: " + err);
    }

    @Test
    void aCellDirectoryWithoutACheckpointSaysWhenCellsKeepOne() {
        assertBad("No checkpoint at " + dir.resolve("checkpoint.bin") + ": a cell keeps one only while it is "
                + "unfinished, or after it ends ok when run with --keep-checkpoints.", "checkpoint", dir.toString());
    }

    @Test
    void aFileThatIsNotACheckpointIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("result.json"), "{\"status\": \"ok\"}");
        assertBad("Cannot read " + file + ": not a whole checkpoint of this fmmbench version (the file ends early)",
                "checkpoint", file.toString());
    }

    @Test
    void aBadPatternIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("checkpoint.bin"), "x");
        assertBad("--params is not a regular expression: Unclosed group in '(near'", "checkpoint", file.toString(),
                "--params", "(near");
    }
}
