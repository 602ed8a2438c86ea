package org.fmmbench.harness.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
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
 * Time of one attention forward pass plus the backward pass to q, k, v (and the block's own parameters)
 * for one {@link AttentionCell}.
 *
 * <p>The loss is {@code sum(out * R)} with a random R drawn per invocation: a plain {@code sum(out)} sends a
 * constant, stride-0 gradient upstream, which makes some backward kernels take a different (slower) path than
 * in training. q, k, v are fresh leaf arrays per invocation, because DJL's PyTorch gradient collector does not
 * zero gradients: reusing leaves would add an accumulation into old gradients to every call. The block's
 * parameters (at most a few blend weights) do accumulate, which costs one tiny addition per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Djava.awt.headless=true"})
public class AttentionForwardBackwardBenchmark {

    /** One invocation's leaf inputs and upstream gradient R. */
    @State(Scope.Thread)
    public static class Leaves {
        private NDManager scope;
        NDArray q;
        NDArray k;
        NDArray v;
        NDArray upstream;

        @Setup(Level.Invocation)
        public void create(AttentionCell cell) {
            scope = cell.newScope();
            q = cell.randomInput(scope);
            k = cell.randomInput(scope);
            v = cell.randomInput(scope);
            q.setRequiresGradient(true);
            k.setRequiresGradient(true);
            v.setRequiresGradient(true);
            upstream = cell.randomInput(scope);
        }

        @TearDown(Level.Invocation)
        public void release() {
            scope.close();
        }
    }

    @Benchmark
    public NDArray forwardBackward(AttentionCell cell, Leaves in) {
        long cpu = OperationCpuTime.start();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = cell.attend(in.q, in.k, in.v, true);
            NDArray loss = out.mul(in.upstream).sum();
            collector.backward(loss);
            return loss;
        } finally {
            OperationCpuTime.stop(cpu);
        }
    }
}
