package org.fmmbench.harness.train;

/** Progress of one cell, called on the training thread. */
public interface TrainingListener {
    /**
     * After every optimiser step.
     *
     * @param step 1-based step just completed
     * @param loss the step's mean training cross-entropy
     * @param lr learning rate the step used
     * @param elapsedMs wall-clock from the start of training to the end of this step, earlier evaluations
     *     included
     */
    void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs);

    /** After every validation pass; follows the {@link #onStep} of the same step. */
    void onEvaluation(int step, double valAccuracy, double valLoss);

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
        @Override
        public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
        }

        @Override
        public void onEvaluation(int step, double valAccuracy, double valLoss) {
        }
    };
}
