package org.fmmbench.baselines.attention.example;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionInputs;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * The worked example of README "Attention variants", built only on the public API: every query receives the mean of the real
 * values it may see (all of them, or those up to itself when causal). Linear in N, no parameters.
 */
public final class UniformAttention extends Attention {
    public UniformAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        AttentionInputs in = AttentionInputs.unpack(inputs, settings);
        NDArray weight = in.keyMask() == null
                ? in.v().getManager().ones(new ai.djl.ndarray.types.Shape(in.batch(), 1, in.length(), 1))
                : in.keyMaskColumn();
        NDArray values = in.v().mul(weight);
        if (settings.causal()) {
            return new NDList(values.cumSum(2).div(weight.cumSum(2).add(1e-6f)));
        }
        return new NDList(values.sum(new int[] {2}, true).div(weight.sum(new int[] {2}, true).add(1e-6f))
                .broadcast(in.q().getShape()));
    }
}
