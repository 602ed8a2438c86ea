package org.fmmbench.harness.slurm;

import java.util.List;

/**
 * The jobs one {@code reproduce --executor slurm} submitted; empty when every cell of the run was already ok.
 *
 * @param preparations one data preparation job per task and seed of the submitted cells
 * @param cells the job array, one task per submitted cell (task id = plan index), or {@code null}
 * @param arraySpec the array's indices as given to {@code --array}, e.g. {@code 0-4,7%2}
 * @param report the merge-and-report job, or {@code null}
 * @param cellCount how many cells the array runs
 */
public record Submission(List<Job> preparations, Job cells, String arraySpec, Job report, int cellCount) {
    /** One submitted job: its Slurm id, its job name and what it does. */
    public record Job(String id, String name, String label) {
        @Override
        public String toString() {
            return id + " (" + label + ")";
        }
    }

    static Submission nothing() {
        return new Submission(List.of(), null, "", null, 0);
    }

    public boolean isEmpty() {
        return cells == null;
    }
}
