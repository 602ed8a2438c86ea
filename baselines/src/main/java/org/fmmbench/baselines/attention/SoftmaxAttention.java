package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Full softmax attention, the only quadratic variant: softmax(q k^T / sqrt(d) - 1e6 (1 - m)) v with attention
 * dropout while training; causal form also masks keys j &gt; i. Matches the official LRA {@code SoftmaxAttention}
 * (without its debug code) and the language-model {@code MultiHeadAttn}.
 */
public final class SoftmaxAttention extends Attention {
    SoftmaxAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        AttentionInputs in = AttentionInputs.unpack(inputs, settings);
        NDArray probabilities = SoftmaxScores.dropout(probabilities(in.q(), in.k(), in.keyMask()),
                settings.attentionDropout(), training);
        return new NDList(probabilities.matMul(in.v()));
    }

    /**
     * The attention matrix without dropout, q and k (B, H, N, d) → (B, H, N, N), each row summing to 1; for
     * analysing trained models (the attention-map analysis).
     *
     * @param keyMask (B, N), 1 for real keys, or {@code null}
     */
    public NDArray probabilities(NDArray q, NDArray k, NDArray keyMask) {
        long b = q.getShape().get(0);
        long n = q.getShape().get(2);
        NDArray scores = SoftmaxScores.scale(q.matMul(k.swapAxes(2, 3)), q.getShape().get(3), settings.causal());
        if (keyMask != null) {
            scores = scores.add(SoftmaxScores.paddingBias(keyMask).reshape(b, 1, 1, n));
        }
        if (settings.causal()) {
            NDArray position = q.getManager().arange(0f, n, 1f, DataType.FLOAT32);
            NDArray future = position.reshape(1, n).gt(position.reshape(n, 1)).toType(DataType.FLOAT32, false);
            scores = scores.add(future.mul(SoftmaxScores.OUTSIDE));
        }
        return scores.softmax(-1);
    }
}
