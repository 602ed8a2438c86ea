package org.fmmbench.harness.run;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.train.CellTrainer;
import org.fmmbench.harness.train.Checkpointing;
import org.fmmbench.harness.train.LmCellTrainer;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;
import org.fmmbench.harness.train.Workload;
import org.fmmbench.harness.train.Workloads;

/** {@link CellTraining} backed by the DJL training engine. */
public final class EngineCellTraining implements CellTraining {
    private final CellTrainer trainer;
    private final LmCellTrainer lmTrainer;
    private final Workloads workloads = Workloads.load();
    private final Path dataDir;
    private final Path cacheDir;
    private boolean engineUsed;

    public EngineCellTraining(Path dataDir, Path cacheDir) {
        this.trainer = new CellTrainer(dataDir, cacheDir);
        this.lmTrainer = new LmCellTrainer(dataDir, cacheDir);
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
        Workload workload = workloads.find(cell.task());
        if (workload != null) {
            // A plug-in workload trains in one go: it does not checkpoint (docs/checkpoints.md).
            return workload.train(cell, dataDir, cacheDir, listener);
        }
        return LmCellTrainer.TASK.equals(cell.task()) ? lmTrainer.train(cell, listener, checkpointing)
                : trainer.train(cell, listener, checkpointing);
    }

    /** Generates or caches the cell's data without loading the engine or training (see {@code --prepare-data}). */
    public void prepareData(CellConfig cell) {
        Workload workload = workloads.find(cell.task());
        if (workload != null) {
            workload.prepareData(cell, dataDir, cacheDir);
        } else if (LmCellTrainer.TASK.equals(cell.task())) {
            lmTrainer.prepareData(cell);
        } else {
            trainer.prepareData(cell);
        }
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
