package org.fmmbench.harness.run;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.train.Checkpointing;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;
import org.fmmbench.harness.train.Workloads;

/** {@link CellTraining} backed by the DJL training engine: each cell runs in the workload of its task. */
public final class EngineCellTraining implements CellTraining {
    private final Workloads workloads = Workloads.load();
    private final Path dataDir;
    private final Path cacheDir;
    private boolean engineUsed;

    public EngineCellTraining(Path dataDir, Path cacheDir) {
        this.dataDir = dataDir;
        this.cacheDir = cacheDir;
    }

    @Override
    public TrainResult train(CellConfig cell, TrainingListener listener) {
        return train(cell, listener, Checkpointing.off());
    }

    @Override
    public TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing) {
        engineUsed = true;
        return workloads.find(cell.task()).train(cell, dataDir, cacheDir, listener, checkpointing);
    }

    /** Generates or caches the cell's data without loading the engine or training (see {@code --prepare-data}). */
    public void prepareData(CellConfig cell) {
        workloads.find(cell.task()).prepareData(cell, dataDir, cacheDir);
    }

    @Override
    public String engineVersion() {
        if (!engineUsed) {
            return null;
        }
        try {
            return Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
