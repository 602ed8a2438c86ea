package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/** Returns V unchanged (the official code's "none" attention); registered as {@code test-values}. */
public final class ValuesOnlyAttention extends Attention {
    ValuesOnlyAttention(VariantSpec spec, AttentionSettings settings) {
        super((byte) 1, spec, settings);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(inputs.get(2));
    }

    /** Service entry for {@link ValuesOnlyAttention}. */
    public static final class Provider implements AttentionProvider {
        @Override
        public String name() {
            return "test-values";
        }

        @Override
        public String summary() {
            return "returns the values: attention that ignores queries and keys";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Attention create(VariantSpec spec, AttentionSettings settings) {
            return new ValuesOnlyAttention(spec, settings);
        }
    }
}
