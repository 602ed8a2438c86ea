package org.fmmbench.baselines.attention;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code band:k=K}: softmax restricted to a band of the diagonal, O(N k). */
public final class BandAttentionProvider implements AttentionProvider {
    static final int DEFAULT_BAND = 5;
    static final String BAND_HELP = "band size as the official diag_size, integer >= 1, default " + DEFAULT_BAND
            + ": non-causal keys |i-j| <= k-1, causal keys i-k+1..i";

    @Override
    public String name() {
        return "band";
    }

    @Override
    public String summary() {
        return "softmax inside a band around the diagonal, O(N k) (the paper's Band_k baseline)";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", BAND_HELP);
        return p;
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams p = SpecParams.check(spec, parameters());
        return new BandAttention(spec, settings, p.positiveInt("k", DEFAULT_BAND, 1));
    }

    /** Softmax over the band's pairs only: the blocks' extra key slots are work the floor does not need. */
    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        int band = SpecParams.check(spec, parameters()).positiveInt("k", DEFAULT_BAND, 1);
        return AttentionCost.ofProducts(shape, AttentionCost.softmaxProducts(shape, shape.bandPairs(band)));
    }
}
