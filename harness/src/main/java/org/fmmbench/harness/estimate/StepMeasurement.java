package org.fmmbench.harness.estimate;

import org.fmmbench.harness.config.CellConfig;

/**
 * What a short run measured for one (task, row): the cell's configuration and its costs.
 *
 * @param config the measured cell's configuration (batch, lengths, model)
 * @param stepCpuMs median process CPU time per optimiser step, ms (steady under load, unlike wall-clock)
 * @param stepWallMs median wall-clock per step, ms; only its ratio to the evaluation's wall-clock is used
 * @param evalWallS wall-clock of all evaluations of the measured cell, s
 * @param overheadS the cell's wall-clock outside training and evaluation (JVM start, engine load, data), s
 */
public record StepMeasurement(CellConfig config, double stepCpuMs, double stepWallMs, double evalWallS,
        double overheadS) {

    /** Cost of one evaluation forward batch as a fraction of a training step, from the cell's own ratio. */
    public double evalBatchPerStep() {
        return evalWallS * 1000 / (EvalBatches.of(config) * stepWallMs);
    }
}
