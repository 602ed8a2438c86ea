package org.fmmbench.harness.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A copy of every parameter of a block on the Java heap (the LRA models are small), restorable in place. */
final class ParameterSnapshot {
    private final Map<String, float[]> values;

    private ParameterSnapshot(Map<String, float[]> values) {
        this.values = values;
    }

    /** A snapshot read back from a checkpoint. */
    static ParameterSnapshot of(Map<String, float[]> values) {
        return new ParameterSnapshot(values);
    }

    /** The values by parameter name, for a checkpoint. */
    Map<String, float[]> values() {
        return values;
    }

    static ParameterSnapshot of(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            values.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return new ParameterSnapshot(values);
    }

    void restoreInto(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] saved = values.get(p.getKey());
            if (saved == null) {
                throw new IllegalStateException("Snapshot has no parameter " + p.getKey());
            }
            p.getValue().getArray().set(FloatBuffer.wrap(saved));
        }
    }
}
