package org.fmmbench.harness.train;

import java.nio.file.Path;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.ModelConfig;

/**
 * A kind of training run that owns one task name: its data, model, training step and validation score. Found
 * through {@link java.util.ServiceLoader} ({@link Workloads}), so the harness runs its cells without branching on
 * the name: language modelling ({@code lm}) and the copy task are registered this way; {@link ClassificationWorkload}
 * runs every task of the task registry (the LRA tasks and any task plug-in).
 */
public interface Workload {
    /** The task name of the cells this workload runs, e.g. {@code copy}. */
    String task();

    /** What its model gives every attention block, so that a variant can be checked before anything runs. */
    AttentionSettings attentionSettings(ModelConfig model);

    /**
     * Checks the cell's settings that only this workload restricts, once, when the run is planned (what every cell
     * needs, such as heads dividing the model dim, was checked where the profile was read); nothing by default.
     *
     * @throws IllegalArgumentException naming the setting and the fix
     */
    default void validate(CellConfig cell) {
    }

    /** Generates or caches the cell's data without training; nothing to do for generated-on-the-fly data. */
    void prepareData(CellConfig cell, Path dataDir, Path cacheDir);

    /**
     * Runs one cell in one go, without checkpoints.
     *
     * @throws DivergedException as soon as a training loss is NaN or infinite
     */
    default TrainResult train(CellConfig cell, Path dataDir, Path cacheDir, TrainingListener listener) {
        return train(cell, dataDir, cacheDir, listener, Checkpointing.off());
    }

    /**
     * Runs one cell through the shared {@link TrainingLoop}, resuming from and writing checkpoints as
     * {@code checkpointing} says.
     *
     * @throws DivergedException as soon as a training loss is NaN or infinite
     */
    TrainResult train(CellConfig cell, Path dataDir, Path cacheDir, TrainingListener listener,
            Checkpointing checkpointing);

    /** The report section that scores this workload's cells; classification's accuracy unless overridden. */
    default ReportSection reportSection() {
        return ReportSection.ACCURACY;
    }

    /**
     * Whether validation and test score the token stream in sliding windows ({@code train.evalStride}) rather than
     * in batches of examples, which decides how many evaluation passes a cell's schedule costs.
     */
    default boolean evaluatesInWindows() {
        return false;
    }
}
