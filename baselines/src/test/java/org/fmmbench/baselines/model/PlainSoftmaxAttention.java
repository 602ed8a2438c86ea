package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Dense softmax attention for testing the models without the real variants: QK^T/sqrt(d), -1e6 on padded keys,
 * softmax. Registered as {@code test-softmax} through the test class path's service file.
 */
public final class PlainSoftmaxAttention extends Attention {
    PlainSoftmaxAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray q = inputs.get(0);
        NDArray k = inputs.get(1);
        NDArray v = inputs.get(2);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(settings.headDim()));
        if (inputs.size() > 3) {
            NDArray padding = inputs.get(3).sub(1).mul(1e6f).expandDims(1).expandDims(1);
            scores = scores.add(padding);
        }
        return new NDList(scores.softmax(-1).matMul(v));
    }

    /** Service entry for {@link PlainSoftmaxAttention}. */
    public static final class Provider implements AttentionProvider {
        @Override
        public String name() {
            return "test-softmax";
        }

        @Override
        public String summary() {
            return "dense softmax attention used by the model tests";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Attention create(VariantSpec spec, AttentionSettings settings) {
            if (!spec.params().isEmpty()) {
                throw new IllegalArgumentException("test-softmax takes no parameters, got " + spec.params());
            }
            return new PlainSoftmaxAttention(spec, settings);
        }
    }
}
