package org.fmmbench.harness.train;

public interface TrainingListener {
    void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs);

    void onEvaluation(int step, double valAccuracy, double valLoss);
}
