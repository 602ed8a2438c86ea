package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fmmbench.harness.run.RunPlan;

/**
 * Waits for the merge-and-report job of a submission to end, printing a line whenever the run's jobs change
 * state (how many preparations and cells are pending, running, ended).
 */
public final class SlurmWaiter {
    private final CommandRunner commands;
    private final Path squeue;
    private final Duration poll;
    private final PrintStream out;

    public SlurmWaiter(CommandRunner commands, Map<String, String> environment, Duration poll, PrintStream out) {
        this.commands = commands;
        this.squeue = SlurmSubmitter.find("squeue", environment).orElseThrow(() -> new SlurmInputException(
                "squeue is not on the PATH: --wait needs it; put Slurm's bin folder on the PATH."));
        this.poll = poll;
        this.out = out;
    }

    /**
     * Blocks until the report job has left the queue; returns whether it merged the results (its log ends with
     * exit code 0). A failing squeue (a controller restarting) is retried at the next poll.
     */
    public boolean await(RunPlan plan, Path runDir, Submission submission) throws IOException, InterruptedException {
        String last = "";
        int failures = 0;
        while (true) {
            List<SlurmQueue.Entry> queued;
            try {
                queued = SlurmQueue.list(commands, squeue, SlurmSubmitter.jobNames(plan));
                failures = 0;
            } catch (IOException e) {
                if (++failures == 1) {
                    out.println(e.getMessage() + "; retrying every " + poll.toSeconds() + " s");
                }
                Thread.sleep(poll.toMillis());
                continue;
            }
            String now = summary(plan, submission, queued);
            if (!now.equals(last)) {
                out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + now);
                last = now;
            }
            if (queued.stream().noneMatch(e -> e.jobId().equals(submission.report().id()))) {
                break;
            }
            Thread.sleep(poll.toMillis());
        }
        List<String> attempt = SlurmLogs.lastAttempt(SlurmLogs.report(runDir.toAbsolutePath().normalize()));
        return attempt != null && Integer.valueOf(0).equals(SlurmLogs.exitCode(attempt));
    }

    /** E.g. {@code data: 1 RUNNING | cells: 3 PENDING, 1 RUNNING, 28 ended | report: PENDING}. */
    static String summary(RunPlan plan, Submission s, List<SlurmQueue.Entry> queued) {
        String data = states(queued, SlurmSubmitter.jobName(plan, "prepare"), s.preparations().size());
        String cells = states(queued, SlurmSubmitter.jobName(plan, "cells"), s.cellCount());
        String report = states(queued, SlurmSubmitter.jobName(plan, "report"), 1);
        return "data: " + data + " | cells: " + cells + " | report: " + report;
    }

    private static String states(List<SlurmQueue.Entry> queued, String name, int total) {
        Map<String, Integer> counts = new TreeMap<>();
        int active = 0;
        for (SlurmQueue.Entry e : queued) {
            if (e.name().equals(name)) {
                counts.merge(e.state(), arrayTasks(e.id()), Integer::sum);
                active += arrayTasks(e.id());
            }
        }
        String text = counts.entrySet().stream().map(c -> c.getValue() + " " + c.getKey())
                .collect(Collectors.joining(", "));
        int ended = total - active;
        return (text.isEmpty() ? "" : text + ", ") + ended + " ended";
    }

    /** A pending array may still be listed as one line {@code 12_[3-7,9%2]}: count its tasks. */
    static int arrayTasks(String id) {
        int open = id.indexOf('[');
        if (open < 0) {
            return 1;
        }
        String spec = id.substring(open + 1, id.indexOf(']', open)).split("%", 2)[0];
        int n = 0;
        for (String range : spec.split(",")) {
            String[] ends = range.split("-", 2);
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return n;
    }
}
