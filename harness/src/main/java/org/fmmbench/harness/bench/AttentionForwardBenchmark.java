package org.fmmbench.harness.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one attention forward pass as inference (no gradient recording) for one {@link AttentionCell}.
 *
 * <p>q, k, v are fresh standard-normal arrays per invocation, created and freed outside the measured region in
 * their own NDManager scope, so nothing one invocation allocates survives into the next. Per-invocation
 * fixtures cost JMH a few timestamps per call; an attention call takes milliseconds, so that is negligible.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Djava.awt.headless=true"})
public class AttentionForwardBenchmark {

    /** One invocation's inputs. */
    @State(Scope.Thread)
    public static class Inputs {
        private NDManager scope;
        NDArray q;
        NDArray k;
        NDArray v;

        @Setup(Level.Invocation)
        public void create(AttentionCell cell) {
            scope = cell.newScope();
            q = cell.randomInput(scope);
            k = cell.randomInput(scope);
            v = cell.randomInput(scope);
        }

        @TearDown(Level.Invocation)
        public void release() {
            scope.close();
        }
    }

    @Benchmark
    public NDArray forward(AttentionCell cell, Inputs in) {
        long cpu = OperationCpuTime.start();
        try {
            return cell.attend(in.q, in.k, in.v, false);
        } finally {
            OperationCpuTime.stop(cpu);
        }
    }
}
