package org.fmmbench.harness.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One invocation's q, k, v: fresh standard-normal arrays created and freed outside the measured region in their
 * own NDManager scope, so nothing one invocation allocates survives into the next. A benchmark that needs more per
 * invocation (gradients, an upstream gradient) extends it through {@link #prepare}.
 */
@State(Scope.Thread)
public class AttentionInputs {
    protected NDManager scope;
    NDArray q;
    NDArray k;
    NDArray v;

    @Setup(Level.Invocation)
    public void create(AttentionCell cell) {
        scope = cell.newScope();
        q = cell.randomInput(scope);
        k = cell.randomInput(scope);
        v = cell.randomInput(scope);
        prepare(cell);
    }

    /** What a benchmark adds to each invocation's inputs, in {@link #scope}; nothing here. */
    protected void prepare(AttentionCell cell) {
    }

    @TearDown(Level.Invocation)
    public void release() {
        scope.close();
    }
}
