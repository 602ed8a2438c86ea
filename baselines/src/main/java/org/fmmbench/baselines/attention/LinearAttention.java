package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.List;

/**
 * Linear attention with phi = elu(x) + 1: the far field alone. Non-causal it is the official LRA
 * {@code LinearAttention} (scaled by N^-1/2, no denominator); causal it is the language-model linear
 * transformer (sum-normalised features, causal denominator, times 1/sqrt(d)), which is recurrent: its state is the
 * far field's sums.
 */
public final class LinearAttention extends Attention implements RecurrentAttention {
    private final FarField far;

    LinearAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
        this.far = FarField.of(settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        AttentionInputs in = AttentionInputs.unpack(inputs, settings);
        return new NDList(far.attend(in, List.of(FeatureMap.ELU), Collections.singletonList(null), null));
    }

    @Override
    public NDArray attendNext(ParameterStore store, NDArray q, NDArray k, NDArray v, AttentionState state) {
        AttentionInputs in = Recurrence.inputs(this, q, k, v);
        return Recurrence.causalFarField(far).attendNext(in, List.of(FeatureMap.ELU), Collections.singletonList(null),
                null, state);
    }
}
