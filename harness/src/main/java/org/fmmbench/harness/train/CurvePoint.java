package org.fmmbench.harness.train;

public record CurvePoint(int step, double trainLoss, double valAccuracy, double lr, long elapsedMs) {
}
