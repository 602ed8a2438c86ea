package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Adam-type optimiser's per-parameter moment arrays, keyed by parameter id, and their update. A checkpoint
 * stores them by parameter name instead, because DJL draws parameter ids at random in every JVM.
 */
final class OptimizerMoments {
    /** The first ({@code m}) and second ({@code v}) moments. */
    enum Kind { M, V }

    /** One parameter's moment arrays after an update. */
    record Updated(NDArray m, NDArray v) {
    }

    // Optimiser state lives in the parameter's manager, as long as the parameter.
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();

    /**
     * Adam's moment update of one parameter, {@code m = b1 m + (1 - b1) g} and {@code v = b2 v + (1 - b2) g^2}, both
     * starting from zeros beside the weight.
     *
     * @return the updated moments (the arrays this object keeps)
     */
    Updated accumulate(String parameterId, NDArray weight, NDArray grad, double beta1, double beta2) {
        NDArray m = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        try (NDArray scaledGrad = grad.mul(1 - beta1);
                NDArray squaredGrad = grad.square().muli(1 - beta2)) {
            m.muli(beta1).addi(scaledGrad);
            v.muli(beta2).addi(squaredGrad);
        }
        return new Updated(m, v);
    }

    /** The moment array of a parameter, {@code null} before the parameter's first update. */
    NDArray get(Kind kind, String parameterId) {
        return (kind == Kind.M ? means : variances).get(parameterId);
    }

    /** Every moment array of {@code model}'s parameters, as {@code <kind>:<parameter name>}. */
    Map<String, float[]> save(Block model) {
        Map<String, float[]> saved = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            for (Kind kind : Kind.values()) {
                NDArray moment = get(kind, p.getValue().getId());
                if (moment != null) {
                    saved.put(kind + ":" + p.getKey(), moment.toFloatArray());
                }
            }
        }
        return saved;
    }

    /** Puts back what {@link #save} returned, each moment beside its parameter (same manager, shape and device). */
    void restore(Block model, Map<String, float[]> saved) {
        for (Pair<String, Parameter> p : model.getParameters()) {
            for (Kind kind : Kind.values()) {
                float[] values = saved.get(kind + ":" + p.getKey());
                if (values != null) {
                    NDArray moment = p.getValue().getArray().zerosLike();
                    moment.set(FloatBuffer.wrap(values));
                    (kind == Kind.M ? means : variances).put(p.getValue().getId(), moment);
                }
            }
        }
    }
}
