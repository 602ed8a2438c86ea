package org.fmmbench.harness.config;

/**
 * Which data a cell trains on and how much of it.
 *
 * @param source {@code auto} or an explicit data source name (see the tasks module)
 * @param seqLength tokens per document (0 = the task's paper length)
 * @param maxTrain cap on training examples (0 = all); likewise {@code maxVal}, {@code maxTest}
 * @param pixelZero image tasks: {@code pad} (official) or {@code shift}
 */
public record DataConfig(String source, int seqLength, int maxTrain, int maxVal, int maxTest, String pixelZero) {
}
