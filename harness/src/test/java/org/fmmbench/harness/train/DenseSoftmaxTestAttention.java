package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/** Dense softmax attention with padding mask and dropout, registered as {@code test-softmax} for these tests. */
public final class DenseSoftmaxTestAttention extends Attention {
    DenseSoftmaxTestAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray scores = inputs.get(0).matMul(inputs.get(1).transpose(0, 1, 3, 2))
                .div(Math.sqrt(settings.headDim()));
        scores = scores.add(inputs.get(3).sub(1).mul(1e6f).expandDims(1).expandDims(1));
        NDArray p = scores.softmax(-1);
        if (training && settings.attentionDropout() > 0) {
            p = Dropout.dropout(p, settings.attentionDropout(), true).singletonOrThrow();
        }
        return new NDList(p.matMul(inputs.get(2)));
    }

    /** Service entry. */
    public static final class Provider implements AttentionProvider {
        @Override
        public String name() {
            return "test-softmax";
        }

        @Override
        public String summary() {
            return "dense softmax for the trainer tests";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Attention create(VariantSpec spec, AttentionSettings settings) {
            return new DenseSoftmaxTestAttention(spec, settings);
        }
    }
}
