package org.fmmbench.harness.bench;

import ai.djl.ndarray.NDArray;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Time of one attention forward pass as inference (no gradient recording) for one {@link AttentionCell}, on fresh
 * inputs per invocation ({@link AttentionInputs}). Per-invocation fixtures cost JMH a few timestamps per call; an
 * attention call takes milliseconds, so that is negligible.
 */
public class AttentionForwardBenchmark extends AttentionBenchmarkDefaults {
    @Benchmark
    public NDArray forward(AttentionCell cell, AttentionInputs in) {
        return cell.attend(in.q, in.k, in.v, false);
    }
}
