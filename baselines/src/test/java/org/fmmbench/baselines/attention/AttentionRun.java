package org.fmmbench.baselines.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Random attention inputs and one forward + backward pass with loss = sum(out * R), read back as Java arrays. */
final class AttentionRun {
    final long[] shape;
    final float[] q;
    final float[] k;
    final float[] v;
    final float[] upstream;
    /** (B, N) of 1/0 or {@code null}. */
    final float[] mask;

    /** Output and gradients of one pass. */
    record Result(float[] out, float[] dq, float[] dk, float[] dv, Map<String, float[]> dWeights) {}

    /**
     * @param paddedKeys padded keys at the end of each sequence, one entry per batch element; {@code null} for
     *     no mask
     */
    AttentionRun(int batch, int heads, int n, int d, int[] paddedKeys, long seed) {
        Random random = new Random(seed);
        shape = new long[] {batch, heads, n, d};
        int size = batch * heads * n * d;
        q = gaussian(random, size);
        k = gaussian(random, size);
        v = gaussian(random, size);
        upstream = gaussian(random, size);
        if (paddedKeys == null) {
            mask = null;
        } else {
            mask = new float[batch * n];
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < n; j++) {
                    mask[b * n + j] = j < n - paddedKeys[b] ? 1f : 0f;
                }
            }
        }
    }

    static float[] gaussian(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    Shape inputShape() {
        return new Shape(shape);
    }

    Shape[] blockInputShapes() {
        Shape s = inputShape();
        return mask == null ? new Shape[] {s, s, s} : new Shape[] {s, s, s, new Shape(shape[0], shape[2])};
    }

    /** Runs the block; its parameters' gradients are read and released. */
    Result run(Attention block, NDManager manager, boolean training) {
        return run(manager, (in) -> block.forward(new ParameterStore(manager, false), in, training).singletonOrThrow(),
                block);
    }

    /** Runs an arbitrary function of (q, k, v[, mask]) with plain weight arrays (the dense reference). */
    Result runReference(NDManager manager, Map<String, Weight> weights,
            Function<Inputs, NDArray> reference) {
        try (NDManager sub = manager.newSubManager()) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            weights.forEach((name, weight) -> {
                NDArray a = sub.create(weight.values(), weight.shape());
                a.setRequiresGradient(true);
                w.put(name, a);
            });
            Inputs in = inputs(sub);
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = reference.apply(new Inputs(in.q, in.k, in.v, in.mask, w));
                gc.backward(out.mul(sub.create(upstream, inputShape())).sum());
            }
            Map<String, float[]> dw = new LinkedHashMap<>();
            w.forEach((name, a) -> dw.put(name, a.getGradient().toFloatArray()));
            return new Result(out.toFloatArray(), in.q.getGradient().toFloatArray(),
                    in.k.getGradient().toFloatArray(), in.v.getGradient().toFloatArray(), dw);
        }
    }

    /** A block parameter's shape and the values it was given. */
    record Weight(Shape shape, float[] values) {}

    /** Inputs of the reference, with the weights as gradient-tracking arrays. */
    record Inputs(NDArray q, NDArray k, NDArray v, NDArray mask, Map<String, NDArray> weights) {}

    private Inputs inputs(NDManager sub) {
        NDArray qa = sub.create(q, inputShape());
        NDArray ka = sub.create(k, inputShape());
        NDArray va = sub.create(v, inputShape());
        qa.setRequiresGradient(true);
        ka.setRequiresGradient(true);
        va.setRequiresGradient(true);
        NDArray m = mask == null ? null : sub.create(mask, new Shape(shape[0], shape[2]));
        return new Inputs(qa, ka, va, m, Map.of());
    }

    private Result run(NDManager manager, Function<NDList, NDArray> forward, Attention block) {
        try (NDManager sub = manager.newSubManager()) {
            Inputs in = inputs(sub);
            NDList list = in.mask == null ? new NDList(in.q, in.k, in.v) : new NDList(in.q, in.k, in.v, in.mask);
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = forward.apply(list);
                gc.backward(out.mul(sub.create(upstream, inputShape())).sum());
            }
            Map<String, float[]> dw = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    dw.put(p.getValue().getName(), g.toFloatArray());
                }
            }
            return new Result(out.toFloatArray(), in.q.getGradient().toFloatArray(),
                    in.k.getGradient().toFloatArray(), in.v.getGradient().toFloatArray(), dw);
        }
    }

    /** Initialises the block and gives every parameter random values (zero-initialised weights hide bugs). */
    Map<String, Weight> initialiseWithRandomWeights(Attention block, NDManager manager, long seed) {
        block.initialize(manager, DataType.FLOAT32, blockInputShapes());
        Random random = new Random(seed);
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            float[] values = gaussian(random, (int) array.size());
            array.set(values);
            weights.put(p.getValue().getName(), new Weight(array.getShape(), values));
        }
        return weights;
    }
}
