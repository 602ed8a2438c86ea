package org.fmmbench.examples.dilated;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * {@code dilated-band:k=K,dilation=D}: softmax over the keys at offsets that are multiples of D, up to K - 1 steps
 * either side of the query (causal: before it). Listed in this jar's
 * {@code META-INF/services/org.fmmbench.baselines.attention.AttentionProvider}, which is all the harness needs.
 */
public final class DilatedBandAttentionProvider implements AttentionProvider {
    static final int DEFAULT_STEPS = 5;
    static final int DEFAULT_DILATION = 2;

    @Override
    public String name() {
        return "dilated-band";
    }

    @Override
    public String summary() {
        return "softmax over keys at multiples of the dilation within the band, O(N k); dilation=1 is band:k";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", "keys per side including the query's own, integer >= 1, default " + DEFAULT_STEPS
                + ": non-causal offsets t*dilation for |t| <= k-1, causal for -(k-1) <= t <= 0");
        p.put("dilation", "distance between attended keys, integer >= 1, default " + DEFAULT_DILATION);
        return p;
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        for (String key : spec.params().keySet()) {
            if (!parameters().containsKey(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key + "' in attention spec '" + spec
                        + "': 'dilated-band' accepts k and dilation, e.g. dilated-band:k=5,dilation=2.");
            }
        }
        return new DilatedBandAttention(spec, settings, atLeastOne(spec, "k", DEFAULT_STEPS),
                atLeastOne(spec, "dilation", DEFAULT_DILATION));
    }

    private static int atLeastOne(VariantSpec spec, String key, int fallback) {
        String raw = spec.params().get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException("Parameter " + key + "='" + raw + "' in attention spec '" + spec
                + "' must be an integer >= 1, e.g. " + key + "=" + fallback + ".");
    }
}
