package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The attention-free control: every position's output is its own value, so no position sees another. The
 * projections, MLPs, norms and pooling around it are unchanged, which makes the row measure how much a task
 * needs attention at all. It is trivially recurrent (no state), so language models evaluate it like the others.
 */
public final class NoAttention extends Attention implements RecurrentAttention {

    NoAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(AttentionInputs.unpack(inputs, settings).v());
    }

    @Override
    public NDArray attendNext(ParameterStore store, NDArray q, NDArray k, NDArray v, AttentionState state) {
        return v;
    }
}
