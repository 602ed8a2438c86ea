package org.fmmbench.harness.train;

import java.nio.file.Path;
import org.fmmbench.harness.config.CellConfig;

/** A workload that hands preparation and training to a {@link ResumableTrainer} built for the run's data folders. */
abstract class ResumableWorkload implements Workload {
    abstract ResumableTrainer trainer(Path dataDir, Path cacheDir);

    @Override
    public void prepareData(CellConfig cell, Path dataDir, Path cacheDir) {
        trainer(dataDir, cacheDir).prepareData(cell);
    }

    @Override
    public TrainResult train(CellConfig cell, Path dataDir, Path cacheDir, TrainingListener listener,
            Checkpointing checkpointing) {
        return trainer(dataDir, cacheDir).train(cell, listener, checkpointing);
    }
}
