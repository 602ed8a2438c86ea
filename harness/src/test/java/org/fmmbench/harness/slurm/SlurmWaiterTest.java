package org.fmmbench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmWaiterTest {
    @TempDir
    Path runDir;

    @TempDir
    Path bin;

    private final RunPlan plan = TestPlans.plan("r", List.of("listops:0", "listops:0", "text:0"));
    private final Submission submission = new Submission(
            List.of(new Submission.Job("10", "fmmbench-r-prepare", "data of listops seed 0"),
                    new Submission.Job("11", "fmmbench-r-prepare", "data of text seed 0")),
            new Submission.Job("12", "fmmbench-r-cells", "3 cells"), "0-2", new Submission.Job("13",
            "fmmbench-r-report", "merge and report"), 3);

    /** Answers squeue with the given queues in turn, and with an empty queue after them. */
    private boolean await(String... queues) throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of(queues));
        CommandRunner squeue = command -> new CommandRunner.Result(0, answers.isEmpty() ? "" : answers.pop(), "");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean merged = new SlurmWaiter(squeue, FakeSlurm.environment(bin), Duration.ofMillis(1),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).await(plan, runDir, submission);
        lines = printed.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        return merged;
    }

    private List<String> lines;

    @Test
    void waitsUntilTheReportJobHasLeftTheQueueAndPrintsEachChange() throws Exception {
        Files.createDirectories(SlurmLogs.logs(runDir));
        Files.write(SlurmLogs.report(runDir), List.of(SlurmScripts.START_MARK + " merge and report",
                "Merged 3 of 3 cells", SlurmScripts.EXIT_MARK + "0"));
        String start = "10|fmmbench-r-prepare|RUNNING\n11|fmmbench-r-prepare|PENDING\n"
                + "12_[0-2]|fmmbench-r-cells|PENDING\n13|fmmbench-r-report|PENDING\n";
        String running = "12_0|fmmbench-r-cells|RUNNING\n12_[1-2%1]|fmmbench-r-cells|PENDING\n"
                + "13|fmmbench-r-report|PENDING\n";
        String merging = "13|fmmbench-r-report|RUNNING\n";
        assertTrue(await(start, start, running, merging));
        assertEquals(List.of(
                "data: 1 PENDING, 1 RUNNING, 0 ended | cells: 3 PENDING, 0 ended | report: 1 PENDING, 0 ended",
                "data: 2 ended | cells: 2 PENDING, 1 RUNNING, 0 ended | report: 1 PENDING, 0 ended",
                "data: 2 ended | cells: 3 ended | report: 1 RUNNING, 0 ended",
                "data: 2 ended | cells: 3 ended | report: 1 ended"), lines);
    }

    @Test
    void aReportJobThatEndedWithoutMergingIsNotTakenForSuccess() throws Exception {
        assertFalse(await("13|fmmbench-r-report|PENDING\n"), "no report log at all");
        Files.createDirectories(SlurmLogs.logs(runDir));
        Files.write(SlurmLogs.report(runDir), List.of(SlurmScripts.START_MARK + " merge and report",
                "java.lang.OutOfMemoryError", SlurmScripts.EXIT_MARK + "1"));
        assertFalse(await());
    }
}
