package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fmmbench.harness.run.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** reproduce --executor slurm against stand-ins for sbatch and squeue on the PATH (shell scripts). */
class ReproduceOnSlurmTest {
    private static final String REFUSAL = "sbatch: error: Batch job submission failed: Invalid account or "
            + "account/partition combination specified";

    @TempDir
    Path dir;

    @TempDir
    Path bin;

    private String stderr;

    /**
     * sbatch prints ids from 500 on and appends its arguments to sbatch.calls; an account REFUSE is refused. squeue
     * prints squeue.queue.
     */
    private Map<String, String> fakeSlurm() throws IOException {
        script("sbatch", """
                #!/bin/sh
                n=$(cat "$0.count" 2>/dev/null || echo 500)
                echo "$@" >> "$0.calls"
                case "$*" in *--account=REFUSE*) echo '%s' >&2; exit 1;; esac
                echo $((n + 1)) > "$0.count"
                echo "$n"
                """.formatted(REFUSAL));
        script("squeue", "#!/bin/sh\ncat \"$0.queue\" 2>/dev/null\nexit 0\n");
        return Map.of("PATH", bin.toString());
    }

    private void script(String name, String text) throws IOException {
        Path exe = Files.writeString(bin.resolve(name), text);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private int reproduce(Map<String, String> environment, String... extra) {
        StringWriter err = new StringWriter();
        CommandLine cl = FmmbenchCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        ReproduceCommand command = cl.getSubcommands().get("reproduce").getCommand();
        command.environment = environment;
        List<String> args = new ArrayList<>(List.of("reproduce", "--tasks", "listops",
                "--run-id", "s", "--out", dir.resolve("results").toString(), "--reports",
                dir.resolve("reports").toString()));
        args.addAll(List.of(extra));
        int code = cl.execute(args.toArray(String[]::new));
        stderr = err.toString();
        return code;
    }

    private List<String> sbatchCalls() throws IOException {
        return Files.readAllLines(bin.resolve("sbatch.calls"));
    }

    private void assertBadAndNothingWritten(String expected, Map<String, String> environment, String... extra)
            throws IOException {
        int code = reproduce(environment, extra);
        FmmbenchCliTest.assertBadInput(code, stderr, expected, dir);
    }

    @Test
    void submitsThroughTheSbatchOnThePath() throws IOException {
        assertEquals(0, reproduce(fakeSlurm(), "--executor", "slurm", "--array-parallel", "2",
                "--sbatch-arg=--qos=short"), stderr);
        List<String> calls = sbatchCalls();
        assertEquals(3, calls.size(), "one preparation (listops, seed 0), the array, the report: " + calls);
        assertTrue(calls.get(0).contains("--job-name=fmmbench-s-prepare"), calls.get(0));
        int cells = RunPlan.read(dir.resolve("results").resolve("s").resolve(RunPlan.FILE_NAME)).cells().size();
        assertTrue(calls.get(1).contains("--array=0-" + (cells - 1) + "%2 --dependency=afterok:500 "), calls.get(1));
        assertTrue(calls.get(1).contains("--cpus-per-task=1 --time=0-00:30:00"), "smoke: 1 thread, 30 minutes: "
                + calls.get(1));
        assertTrue(calls.get(2).contains("--dependency=afterany:501 --qos=short "), calls.get(2));
        assertTrue(Files.isRegularFile(dir.resolve("results").resolve("s").resolve(RunPlan.FILE_NAME)));
        assertTrue(Files.notExists(dir.resolve("results").resolve("s").resolve("results.csv")),
                "only the merge job writes results.csv");
    }

    @Test
    void aSecondSubmissionWhileTheFirstIsQueuedIsRefusedBeforeTouchingTheRun() throws IOException {
        Map<String, String> env = fakeSlurm();
        assertEquals(0, reproduce(env, "--executor", "slurm"), stderr);
        Path plan = dir.resolve("results").resolve("s").resolve(RunPlan.FILE_NAME);
        var written = Files.getLastModifiedTime(plan);
        Files.writeString(bin.resolve("squeue.queue"),
                "501_3|fmmbench-s-cells|RUNNING\n502|fmmbench-s-report|PENDING\n");
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, reproduce(env, "--executor", "slurm", "--time-per-cell", "20m"));
        assertTrue(stderr.contains("still queued or running (501_3, 502)"), stderr);
        assertEquals(written, Files.getLastModifiedTime(plan));
        assertEquals(3, sbatchCalls().size(), "nothing more submitted");
    }

    @Test
    void anSbatchRefusalIsShownVerbatimWithExitCodeTwo() throws IOException {
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, reproduce(fakeSlurm(), "--executor", "slurm",
                "--sbatch-arg=--account=REFUSE"), stderr);
        assertTrue(stderr.contains(REFUSAL), stderr);
        assertTrue(stderr.contains("nothing was submitted for run s"), stderr);
    }

    @Test
    void withoutSbatchOnThePathTheFixIsNamedAndNothingWritten() throws IOException {
        assertBadAndNothingWritten("sbatch is not on the PATH: run on a Slurm login node", Map.of("PATH", "/none"),
                "--executor", "slurm");
    }

    @Test
    void inconsistentSlurmOptionsAreBadInput() throws IOException {
        Map<String, String> env = fakeSlurm();
        assertBadAndNothingWritten("need --executor slurm", env, "--partition", "gpu");
        assertBadAndNothingWritten("--threads 2 and --cpus-per-cell 4 disagree", env, "--executor", "slurm",
                "--threads", "2", "--cpus-per-cell", "4");
        assertBadAndNothingWritten("pass --cpus-per-cell N", env, "--executor", "slurm", "--profile", "paper");
        assertBadAndNothingWritten("fmmbench sets --time itself; use", env, "--executor", "slurm",
                "--sbatch-arg=--time=1:00:00");
        assertBadAndNothingWritten("Bad --mem-per-cell '8 GB'", env, "--executor", "slurm", "--mem-per-cell", "8 GB");
        assertBadAndNothingWritten("--gpus-per-cell 1 asks for GPUs but the cells would train on the CPU", env,
                "--executor", "slurm", "--gpus-per-cell", "1", "--device", "cpu");
    }
}
