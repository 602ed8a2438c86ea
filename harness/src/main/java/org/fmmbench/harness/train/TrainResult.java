package org.fmmbench.harness.train;

import java.util.List;

public record TrainResult(String dataSource, double bestValAccuracy, int bestStep, double testAccuracyAtBest,
        double testAccuracyAtLast, double finalTrainLoss, int steps, long trainWallMs, double medianStepMs,
        double p90StepMs, double tokensPerSecond, long evalWallMs, long parameterCount, List<CurvePoint> curve) {
}
