package org.fmmbench.harness.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which data a cell trains on and how much of it.
 *
 * @param source {@code auto} or an explicit data source name (see the tasks module)
 * @param seqLength tokens per document after padding (0 = the task's paper length)
 * @param maxTrain cap on training examples (0 = all); likewise {@code maxVal}, {@code maxTest}
 * @param pixelZero image tasks: {@code auto} (pad on CIFAR-10, shift on Fashion-MNIST), {@code pad} (official)
 *     or {@code shift}
 * @param contentLength tokens of content kept before padding to {@code seqLength} (0 = all of it), e.g. Text's
 *     official 1000 of 1024
 * @param truncate allow cutting examples of a task whose label depends on the whole input (ListOps)
 * @param requireRealData a task that does not find its real data files is an error, never a stand-in
 */
public record DataConfig(String source, int seqLength, int maxTrain, int maxVal, int maxTest, String pixelZero,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int contentLength,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean truncate,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean requireRealData) {

    /** Content = the whole sequence, no truncation, stand-ins allowed. */
    public DataConfig(String source, int seqLength, int maxTrain, int maxVal, int maxTest, String pixelZero) {
        this(source, seqLength, maxTrain, maxVal, maxTest, pixelZero, 0, false, false);
    }
}
