package org.fmmbench.baselines.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Number of trainable scalars of a block. */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** Sum of the sizes of the block's parameters (a shared one is registered, and counted, once). */
    public static long of(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            total += p.getValue().getArray().size();
        }
        return total;
    }
}
