package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Checks shared by the {@link RecurrentAttention} variants. */
final class Recurrence {
    private Recurrence() {
    }

    /** The checked chunk input; only causal blocks carry state (the non-causal far field has no recurrence). */
    static AttentionInputs inputs(Attention block, NDArray q, NDArray k, NDArray v) {
        if (!block.settings().causal()) {
            throw new IllegalArgumentException(block + " is not causal: only causal attention can be evaluated "
                    + "with a carried state.");
        }
        return AttentionInputs.unpack(new NDList(q, k, v), block.settings());
    }

    static CausalFarField causalFarField(FarField far) {
        // FarField.of gives the causal form to every causal block, and inputs() admits only those.
        return (CausalFarField) far;
    }
}
