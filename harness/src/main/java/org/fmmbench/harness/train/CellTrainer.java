package org.fmmbench.harness.train;

import java.nio.file.Path;
import org.fmmbench.harness.config.CellConfig;

/** Contract placeholder until the engine branch is merged (its version replaces this file). */
public final class CellTrainer {
    public CellTrainer(Path dataDir, Path cacheDir) {
    }

    public TrainResult train(CellConfig cell, TrainingListener listener) {
        throw new UnsupportedOperationException("The training engine (branch engine) is not merged into this build.");
    }
}
