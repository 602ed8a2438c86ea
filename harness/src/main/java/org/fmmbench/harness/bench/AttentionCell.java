package org.fmmbench.harness.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One benchmark cell: an attention block built from its variant spec for one problem size (B, H, N, d, causal).
 * Shared by {@link AttentionForwardBenchmark} and {@link AttentionForwardBackwardBenchmark}; each benchmark
 * creates its own inputs per invocation in a scope from {@link #newScope()}.
 *
 * <p>The {@code @Param} defaults are the paper's LRA head layout (H=2, d=32) over the whole N sweep; the
 * {@code scaling} command overrides them cell by cell, and {@code -p name=value} does on JMH's command line.
 */
@State(Scope.Thread)
public class AttentionCell {
    /**
     * Variant spec resolved through {@link VariantRegistry}, so a plug-in variant on the class path is
     * benchmarked by its name, e.g. {@code my-attention:r=4}.
     */
    @Param({"softmax", "linear", "band:k=5", "fmm:k=5,kernels=elu+elu_flip"})
    public String variant;

    /** Sequence length N. */
    @Param({"256", "512", "1024", "2048", "4096", "8192", "16384", "32768", "65536"})
    public int n;

    /** Batch size B. */
    @Param("1")
    public int batch;

    /** Number of heads H. */
    @Param("2")
    public int heads;

    /** Per-head width d. */
    @Param("32")
    public int headDim;

    /** Whether position i attends only to j &lt;= i (also selects the language-model far field). */
    @Param("false")
    public boolean causal;

    private NDManager manager;
    private Attention block;
    private ParameterStore store;

    @Setup(Level.Trial)
    public void build() {
        manager = NDManager.newBaseManager();
        block = VariantRegistry.load().create(variant, new AttentionSettings(heads, headDim, causal, 0f));
        Shape shape = inputShape();
        block.initialize(manager, DataType.FLOAT32, shape, shape, shape);
        store = new ParameterStore(manager, false);
    }

    @TearDown(Level.Trial)
    public void close() {
        manager.close();
    }

    /** (B, H, N, d), the shape of q, k, v and of the output. */
    public Shape inputShape() {
        return new Shape(batch, heads, n, headDim);
    }

    /** A scope for one invocation's arrays; closing it frees everything the invocation allocated. */
    NDManager newScope() {
        return manager.newSubManager();
    }

    /** Standard-normal array of the input shape, owned by {@code scope}. */
    NDArray randomInput(NDManager scope) {
        return scope.randomNormal(inputShape());
    }

    NDArray attend(NDArray q, NDArray k, NDArray v, boolean training) {
        return block.attend(store, q, k, v, null, training);
    }
}
