package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCommandTest {
    @TempDir
    Path dir;

    private final String home = System.getProperty("fmmbench.home");

    @AfterEach
    void restoreHome() {
        if (home == null) {
            System.clearProperty("fmmbench.home");
        } else {
            System.setProperty("fmmbench.home", home);
        }
    }

    @Test
    void aCheckoutWithUncommittedChangesIsRefusedBeforeAnythingRuns() throws Exception {
        Path checkout = Files.createDirectory(dir.resolve("checkout"));
        git(checkout, "init", "-q");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        git(checkout, "add", "pom.xml");
        git(checkout, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        Files.writeString(checkout.resolve("pom.xml"), "<project>changed</project>\n");

        String err = refused(checkout);
        assertTrue(err.contains("uncommitted changes"), err);
    }

    @Test
    void aDirectoryThatIsNotACheckoutIsRefusedBeforeAnythingRuns() throws Exception {
        String err = refused(Files.createDirectory(dir.resolve("plain")));
        assertTrue(err.contains("Cannot tell whether the work tree is clean"), err);
    }

    private String refused(Path checkout) {
        System.setProperty("fmmbench.home", checkout.toString());
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(new String[] {"reference", "smoke", "--out", out.toString(), "--reports",
                dir.resolve("reports").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code, err.toString());
        assertFalse(Files.exists(out), "nothing may be written before the check");
        return err.toString();
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + output);
    }
}
