package org.fmmbench.harness.slurm;

/** A submission Slurm cannot take, or input the user can fix (no sbatch, a refusal, jobs still queued): exit 2. */
public final class SlurmInputException extends RuntimeException {
    SlurmInputException(String message) {
        super(message);
    }
}
