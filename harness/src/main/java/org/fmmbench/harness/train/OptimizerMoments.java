package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Adam-type optimiser's per-parameter moment arrays, keyed by parameter id. A checkpoint stores them by
 * parameter name instead, because DJL draws parameter ids at random in every JVM.
 */
interface OptimizerMoments {
    /** The first ({@code m}) and second ({@code v}) moments. */
    enum Kind { M, V }

    /** The moment array of a parameter, {@code null} before the parameter's first update. */
    NDArray get(Kind kind, String parameterId);

    void put(Kind kind, String parameterId, NDArray value);

    /** The moments an optimiser keeps in two maps by parameter id. */
    static OptimizerMoments of(Map<String, NDArray> means, Map<String, NDArray> variances) {
        return new OptimizerMoments() {
            @Override
            public NDArray get(Kind kind, String parameterId) {
                return (kind == Kind.M ? means : variances).get(parameterId);
            }

            @Override
            public void put(Kind kind, String parameterId, NDArray value) {
                (kind == Kind.M ? means : variances).put(parameterId, value);
            }
        };
    }

    /** Every moment array of {@code model}'s parameters, as {@code <kind>:<parameter name>}. */
    default Map<String, float[]> save(Block model) {
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
    default void restore(Block model, Map<String, float[]> saved) {
        for (Pair<String, Parameter> p : model.getParameters()) {
            for (Kind kind : Kind.values()) {
                float[] values = saved.get(kind + ":" + p.getKey());
                if (values != null) {
                    NDArray moment = p.getValue().getArray().zerosLike();
                    moment.set(FloatBuffer.wrap(values));
                    put(kind, p.getValue().getId(), moment);
                }
            }
        }
    }
}
