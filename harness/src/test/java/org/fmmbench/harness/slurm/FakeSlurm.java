package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for Slurm's client commands: records every call, answers sbatch with increasing job ids (or a
 * refusal for a job whose name contains {@link #refuse}) and squeue with {@link #queue}.
 */
final class FakeSlurm implements CommandRunner {
    static final String REFUSAL = "sbatch: error: Batch job submission failed: Invalid partition name specified";

    final List<List<String>> calls = new ArrayList<>();
    String queue = "";
    String refuse;
    private int nextId = 100;

    /** A PATH holding (empty) sbatch and squeue executables, so that the submitter finds them. */
    static Map<String, String> environment(Path dir) throws IOException {
        for (String name : List.of("sbatch", "squeue")) {
            Path exe = dir.resolve(name);
            Files.writeString(exe, "#!/bin/sh\nexit 99\n");
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return Map.of("PATH", "/nonexistent:" + dir);
    }

    @Override
    public Result run(List<String> command) {
        calls.add(List.copyOf(command));
        if (command.get(0).endsWith("squeue")) {
            return new Result(0, queue, "");
        }
        if (refuse != null && command.stream().anyMatch(a -> a.startsWith("--job-name=") && a.contains(refuse))) {
            return new Result(1, "", REFUSAL + "\n");
        }
        return new Result(0, (nextId++) + "\n", "");
    }

    List<List<String>> sbatchCalls() {
        return calls.stream().filter(c -> c.get(0).endsWith("sbatch")).toList();
    }

    /** The value of {@code --name=value} in a call, or {@code null}. */
    static String option(List<String> call, String name) {
        return call.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(null);
    }
}
