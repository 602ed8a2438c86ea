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
        long n = in.length();
        NDArray scores = SoftmaxScores.scale(in.q().matMul(in.k().swapAxes(2, 3)), in.headDim(), settings.causal());
        if (in.keyMask() != null) {
            scores = scores.add(SoftmaxScores.paddingBias(in.keyMask()).reshape(in.batch(), 1, 1, n));
        }
        if (settings.causal()) {
            NDArray position = in.q().getManager().arange(0f, n, 1f, DataType.FLOAT32);
            NDArray future = position.reshape(1, n).gt(position.reshape(n, 1)).toType(DataType.FLOAT32, false);
            scores = scores.add(future.mul(SoftmaxScores.OUTSIDE));
        }
        NDArray probabilities = SoftmaxScores.dropout(scores.softmax(-1), settings.attentionDropout(), training);
        return new NDList(probabilities.matMul(in.v()));
    }
}
