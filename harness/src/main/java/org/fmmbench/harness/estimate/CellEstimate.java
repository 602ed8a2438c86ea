package org.fmmbench.harness.estimate;

import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.run.PlannedCell;

/**
 * Seconds one planned cell should take on one free core, from the measurement of its (task, row): training
 * scales the measured CPU time per step by examples per step; evaluation is priced in forward passes at the
 * measured cell's own evaluation-to-step ratio; JVM start, engine and data load are taken as measured.
 */
public record CellEstimate(PlannedCell cell, double trainS, double evalS, double overheadS) {

    static CellEstimate of(PlannedCell cell, StepMeasurement m) {
        CellConfig c = cell.config();
        TrainConfig planned = c.train();
        TrainConfig measured = m.config().train();
        double cpuPerExampleMs = m.stepCpuMs() / measured.batchSize();
        double trainS = planned.steps() * planned.batchSize() * cpuPerExampleMs / 1000;
        double evalCpuPerExampleMs = m.evalBatchPerStep() * m.stepCpuMs() / measured.examplesPerPass();
        double evalS = EvalBatches.of(c) * planned.examplesPerPass() * evalCpuPerExampleMs / 1000;
        return new CellEstimate(cell, trainS, evalS, m.overheadS());
    }

    public double totalS() {
        return trainS + evalS + overheadS;
    }
}
