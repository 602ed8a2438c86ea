package org.fmmbench.harness.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code reproduce --executor slurm}; see docs/slurm.md. */
final class SlurmArgs {
    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition of every job (default: the "
            + "cluster's default partition).")
    String partition;

    @Option(names = "--array-parallel", paramLabel = "N", description = "Run at most N cells at once.")
    Integer arrayParallel;

    @Option(names = "--cpus-per-cell", paramLabel = "N", description = "CPUs of each cell, which trains with as many "
            + "threads (default: the profile's threads; required when they are 0, every core).")
    Integer cpusPerCell;

    @Option(names = "--mem-per-cell", paramLabel = "SIZE", description = "Memory of each cell, e.g. 8G (sbatch "
            + "--mem; default: the cluster's).")
    String memPerCell;

    @Option(names = "--time-per-cell", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of each cell and data preparation, e.g. 90m, 2h, 3d (default: the cell "
                    + "timeout); it is the run's cell timeout.")
    Duration timePerCell;

    @Option(names = "--gpus-per-cell", paramLabel = "N", description = "GPUs of each cell (sbatch --gres=gpu:N).")
    Integer gpusPerCell;

    @Option(names = "--sbatch-arg", paramLabel = "OPTION", description = "A further sbatch option for every job, "
            + "e.g. --sbatch-arg=--account=proj42 --sbatch-arg=--qos=long. Repeatable.")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--wait", description = "Block until the merge-and-report job has ended, then exit as a local "
            + "run would (0, or 3 when a cell failed or timed out).")
    boolean wait;
}
