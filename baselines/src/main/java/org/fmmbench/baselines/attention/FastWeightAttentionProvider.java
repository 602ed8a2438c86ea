package org.fmmbench.baselines.attention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fastweight[:k=K][,kernels=A[+B]]}: delta-rule fast-weight attention (causal). Without k it is the paper's
 * "Fast weight" row (official LM attention type 24); {@code fastweight:k=20} is "FMMformer (1-kernel fast weight +
 * Band_20)" (type 202, flag 6.5), {@code fastweight:k=20,kernels=elu+elu} the 2-kernel row (type 202, flag 7.5).
 */
public final class FastWeightAttentionProvider implements AttentionProvider {
    static final String DEFAULT_KERNELS = "elu";

    @Override
    public String name() {
        return "fastweight";
    }

    @Override
    public String summary() {
        return "delta-rule fast weights (Schlag et al.), alone or as FMMformer's far field with a band, causal, O(N)";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", "band of the softmax near field as in band:k; by default absent: no near field (the fast-weight baseline)");
        p.put("kernels", "feature map of the fast weight, optionally '+' a second one for a sum-rule far field added "
                + "as a*fast + b*sum (a=1, b=0 learnable), from " + String.join(", ", FeatureMap.specNames())
                + "; default " + DEFAULT_KERNELS);
        return p;
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams p = SpecParams.check(spec, parameters());
        int band = p.has("k") ? p.positiveInt("k", BandAttentionProvider.DEFAULT_BAND, 1) : 0;
        String text = p.text("kernels", DEFAULT_KERNELS);
        List<FeatureMap> kernels = FmmAttentionProvider.kernels(spec, text);
        if (kernels.size() > 2) {
            throw new IllegalArgumentException("kernels=" + text + " in attention spec '" + spec + "' lists "
                    + kernels.size() + " feature maps; fastweight takes one (the fast weight) or two (plus a "
                    + "sum-rule far field), e.g. kernels=elu+elu.");
        }
        return new FastWeightAttention(spec, settings, band, kernels);
    }
}
