package org.fmmbench.harness.train;

import org.fmmbench.harness.config.CellConfig;

/** A trainer that prepares a cell's data ahead of time and resumes an interrupted cell from its checkpoint. */
interface ResumableTrainer {
    /** Runs one cell, resuming from and writing checkpoints as {@code checkpointing} says. */
    TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing);

    /** Runs one cell in one go, without checkpoints. */
    default TrainResult train(CellConfig cell, TrainingListener listener) {
        return train(cell, listener, Checkpointing.off());
    }

    /** Generates or caches the cell's data without training. */
    void prepareData(CellConfig cell);
}
