package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.List;

/**
 * Linear attention with phi = elu(x) + 1: the far field alone. Non-causal it is the official LRA
 * {@code LinearAttention} (scaled by N^-1/2, no denominator); causal it is the language-model linear
 * transformer (sum-normalised features, causal denominator, times 1/sqrt(d)).
 */
public final class LinearAttention extends Attention {
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
}
