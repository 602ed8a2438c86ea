package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Banded softmax attention, the near field alone (the paper's Band_k baseline, official flag 6.5 / LM 4.5). Causal,
 * it is recurrent: its state is the last k - 1 keys and values.
 */
public final class BandAttention extends Attention implements RecurrentAttention {
    private final int band;

    BandAttention(VariantSpec spec, AttentionSettings settings, int band) {
        super((byte) 1, spec, settings);
        this.band = band;
    }

    /** The official {@code diag_size} k: non-causal |i - j| &lt;= k - 1, causal keys i - k + 1 .. i. */
    public int band() {
        return band;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        AttentionInputs in = AttentionInputs.unpack(inputs, settings);
        return new NDList(BandedSoftmax.attend(in, band, settings.attentionDropout(), training));
    }

    @Override
    public NDArray attendNext(ParameterStore store, NDArray q, NDArray k, NDArray v, AttentionState state) {
        return BandedSoftmax.attendNext(Recurrence.inputs(this, q, k, v), band, state);
    }
}
