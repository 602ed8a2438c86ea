package org.fmmbench.harness.run;

import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.train.Checkpointing;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;

/** Trains one cell. The engine's {@code CellTrainer} in production; fakes in tests. */
public interface CellTraining {
    TrainResult train(CellConfig cell, TrainingListener listener);

    /** Trains one cell, resuming from and writing checkpoints as {@code checkpointing} says (fakes ignore it). */
    default TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing) {
        return train(cell, listener);
    }

    /** Version of the tensor engine that trained, for provenance; {@code null} if none was loaded. */
    default String engineVersion() {
        return null;
    }
}
