package org.fmmbench.harness.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

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
public class AttentionForwardBackwardBenchmark extends AttentionBenchmarkDefaults {

    /** One invocation's leaf inputs and upstream gradient R. */
    @State(Scope.Thread)
    public static class Leaves extends AttentionInputs {
        NDArray upstream;

        @Override
        protected void prepare(AttentionCell cell) {
            q.setRequiresGradient(true);
            k.setRequiresGradient(true);
            v.setRequiresGradient(true);
            upstream = cell.randomInput(scope);
        }
    }

    @Benchmark
    public NDArray forwardBackward(AttentionCell cell, Leaves in) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = cell.attend(in.q, in.k, in.v, true);
            NDArray loss = out.mul(in.upstream).sum();
            collector.backward(loss);
            return loss;
        }
    }
}
