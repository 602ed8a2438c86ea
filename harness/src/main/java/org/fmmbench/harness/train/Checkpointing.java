package org.fmmbench.harness.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fmmbench.harness.results.CurveCsv;

/**
 * Where a cell keeps its checkpoint and how often it writes one: every {@code every} of wall-clock, or every
 * {@code everySteps} optimiser steps when that is positive (tests use steps, so the kill point is known), and when
 * the JVM is asked to stop (SIGTERM, Ctrl-C). A checkpoint belongs to one cell configuration, named by its hash.
 *
 * @param file the checkpoint file, {@code null} for a cell that never checkpoints
 * @param configHash hash of the cell's configuration; a checkpoint with another hash is not resumed from
 * @param every wall-clock between checkpoints (ignored when {@code everySteps > 0})
 * @param everySteps steps between checkpoints, 0 to go by wall-clock
 */
public record Checkpointing(Path file, String configHash, Duration every, int everySteps) {
    /** The checkpoint file's name in a cell directory. */
    public static final String FILE_NAME = "checkpoint.bin";

    /**
     * How long a cell asked to stop may take to finish its step and write a checkpoint before its JVM exits anyway;
     * a parent stopping a cell waits a little longer before killing it.
     */
    public static final long STOP_GRACE_SECONDS = 25;

    private static final Checkpointing OFF = new Checkpointing(null, "", Duration.ZERO, 0);

    /** A cell that neither checkpoints nor resumes. */
    public static Checkpointing off() {
        return OFF;
    }

    public boolean enabled() {
        return file != null;
    }

    /** Whether a checkpoint is due after {@code step}, {@code sinceLastNanos} after the last one (or the start). */
    boolean due(int step, long sinceLastNanos) {
        if (!enabled()) {
            return false;
        }
        return everySteps > 0 ? step % everySteps == 0 : sinceLastNanos >= every.toNanos();
    }

    /**
     * The checkpoint to resume from, or {@code null} when there is none. A checkpoint of another configuration
     * (the plan was changed) cannot be continued: it is reported and left to be overwritten by this cell's first one.
     *
     * @throws IllegalStateException naming the file when it cannot be read
     */
    CellCheckpoint resumePoint() {
        if (!enabled() || !Files.isRegularFile(file)) {
            return null;
        }
        CellCheckpoint checkpoint;
        try {
            checkpoint = CellCheckpoint.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("Checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "): delete it to train the cell from the start.", e);
        }
        if (!checkpoint.configHash().equals(configHash)) {
            System.err.println("note: checkpoint " + file + " belongs to another configuration of this cell; "
                    + "training from the start.");
            return null;
        }
        return checkpoint;
    }

    /**
     * Writes the checkpoint, and the curve so far as the cell's {@code curve.csv}: a long run's directory can be
     * committed while it grows (checkpoints are not), and the cell replaces the file with the whole curve when it
     * ends.
     */
    void write(CellCheckpoint checkpoint) {
        try {
            // The curve first: whoever sees a checkpoint finds a curve at least as long beside it.
            CurveCsv.write(file.resolveSibling(CurveCsv.FILE_NAME), checkpoint.curve());
            checkpoint.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
