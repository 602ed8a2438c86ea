package org.fmmbench.harness.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What each job of a Slurm submission asks for.
 *
 * @param partition {@code --partition}, or {@code null} for the cluster's default
 * @param arrayParallel at most this many cells run at once ({@code --array=...%N}), or {@code null} for no limit
 * @param cpusPerCell {@code --cpus-per-task} of every cell; the cell trains with that many threads
 * @param memPerCell {@code --mem} of every cell, e.g. {@code 8G}, or {@code null} for the cluster's default
 * @param timePerCell time limit of every cell (and of every data preparation)
 * @param gpusPerCell GPUs of every cell ({@code --gres=gpu:N}), 0 for none
 * @param sbatchArgs further options for every {@code sbatch} call, e.g. {@code --account=proj42}
 */
public record SlurmOptions(String partition, Integer arrayParallel, int cpusPerCell, String memPerCell,
        Duration timePerCell, int gpusPerCell, List<String> sbatchArgs) {
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*[KMGT]?", Pattern.CASE_INSENSITIVE);

    /** Options fmmbench sets itself (or derives from its own options), which {@code --sbatch-arg} must not change. */
    private static final List<String> OWN = List.of("--partition", "-p", "--cpus-per-task", "-c", "--mem", "--time",
            "-t", "--gres", "--gpus", "-G", "--gpus-per-task", "--array", "-a", "--dependency", "-d", "--output",
            "-o", "--error", "-e", "--job-name", "-J", "--parsable", "--open-mode", "--requeue", "--no-requeue",
            "--kill-on-invalid-dep", "--wrap");

    public SlurmOptions {
        if (arrayParallel != null && arrayParallel < 1) {
            throw new IllegalArgumentException("--array-parallel must be >= 1, got " + arrayParallel + ".");
        }
        if (cpusPerCell < 1) {
            throw new IllegalArgumentException("--cpus-per-cell must be >= 1, got " + cpusPerCell + ".");
        }
        if (memPerCell != null && !MEMORY.matcher(memPerCell).matches()) {
            throw new IllegalArgumentException("Bad --mem-per-cell '" + memPerCell
                    + "': use a whole number with an optional unit K, M, G or T, e.g. 8G (Slurm's --mem syntax).");
        }
        if (timePerCell.isZero() || timePerCell.isNegative()) {
            throw new IllegalArgumentException("--time-per-cell must be positive, got " + timePerCell + ".");
        }
        if (gpusPerCell < 0) {
            throw new IllegalArgumentException("--gpus-per-cell must be >= 0, got " + gpusPerCell + ".");
        }
        for (String arg : sbatchArgs) {
            String name = arg.split("=", 2)[0];
            boolean own = OWN.stream().anyMatch(o -> o.equals(name) || (o.length() == 2 && name.startsWith(o)));
            if (own) {
                throw new IllegalArgumentException("--sbatch-arg " + arg + ": fmmbench sets " + name + " itself; use "
                        + "--partition, --cpus-per-cell, --mem-per-cell, --time-per-cell or --gpus-per-cell for "
                        + "resources, and --array-parallel to limit the array.");
            }
        }
        sbatchArgs = List.copyOf(sbatchArgs);
    }

    /** Slurm's {@code days-hours:minutes:seconds}, rounded up to whole seconds. */
    public static String slurmTime(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    /** Options of the data preparation jobs: the cells' CPUs, memory and time, but no GPU. */
    List<String> preparationResources() {
        List<String> args = new ArrayList<>(common());
        args.add("--cpus-per-task=" + cpusPerCell);
        if (memPerCell != null) {
            args.add("--mem=" + memPerCell);
        }
        args.add("--time=" + slurmTime(timePerCell));
        return args;
    }

    List<String> cellResources() {
        List<String> args = preparationResources();
        if (gpusPerCell > 0) {
            args.add("--gres=gpu:" + gpusPerCell);
        }
        return args;
    }

    /** Merging result files and drawing charts needs one CPU for a few seconds to minutes. */
    List<String> reportResources() {
        List<String> args = new ArrayList<>(common());
        args.add("--cpus-per-task=1");
        args.add("--time=" + slurmTime(Duration.ofMinutes(30)));
        return args;
    }

    private List<String> common() {
        List<String> args = new ArrayList<>();
        if (partition != null) {
            args.add("--partition=" + partition);
        }
        return args;
    }
}
