package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs of a run still in Slurm's queue (pending, running, completing), found by job name: names stay valid
 * while ids of ended jobs disappear from the controller after {@code MinJobAge} and make {@code squeue -j} fail.
 * Read with squeue rather than sacct, which needs the accounting daemon many small clusters do not run.
 */
final class SlurmQueue {
    /**
     * One job, or one task of a job array ({@code squeue -r}).
     *
     * @param id the job id; an array task's is {@code <array id>_<index>}, a pending array's may be a range
     */
    record Entry(String id, String name, String state) {
        /** The id of the job (the array, for an array task). */
        String jobId() {
            return id.split("_", 2)[0];
        }
    }

    private SlurmQueue() {
    }

    static List<Entry> list(CommandRunner commands, Path squeue, List<String> names)
            throws IOException, InterruptedException {
        CommandRunner.Result r = commands.run(List.of(squeue.toString(), "--noheader", "--array", "--me",
                "--name=" + String.join(",", names), "--format=%i|%j|%T"));
        if (r.exitCode() != 0) {
            throw new IOException("squeue failed (exit code " + r.exitCode() + "): " + r.stderr().strip());
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : r.stdout().strip().split("\n")) {
            String[] f = line.strip().split("\\|", 3);
            if (f.length == 3) {
                entries.add(new Entry(f[0], f[1], f[2]));
            }
        }
        return entries;
    }
}
