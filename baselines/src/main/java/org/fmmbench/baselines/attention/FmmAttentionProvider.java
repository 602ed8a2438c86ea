package org.fmmbench.baselines.attention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fmm:k=K,kernels=A+B,blend=RULE,kmix=MIX}: FMMformer attention. The defaults
 * (k=5, kernels=elu+elu_flip, blend=per_head, kmix=learned_ab) are the paper's ListOps two-kernel row
 * (official flag 13.5); other paper rows are listed in README "Attention variants".
 */
public final class FmmAttentionProvider implements AttentionProvider {
    static final String DEFAULT_KERNELS = "elu+elu_flip";
    static final BlendRule DEFAULT_BLEND = BlendRule.PER_HEAD;
    static final KernelMix DEFAULT_KERNEL_MIX = KernelMix.LEARNED_AB;
    static final int MAX_KERNELS = 3;

    @Override
    public String name() {
        return "fmm";
    }

    @Override
    public String summary() {
        return "FMMformer: banded softmax near field + low-rank far field with 1-3 feature maps, O(N)";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", BandAttentionProvider.BAND_HELP);
        p.put("kernels", "1-" + MAX_KERNELS + " far-field feature maps joined by '+', from "
                + String.join(", ", FeatureMap.specNames()) + "; default " + DEFAULT_KERNELS);
        List<String> blends = new ArrayList<>();
        for (BlendRule rule : BlendRule.values()) {
            blends.add(rule.specName() + " = " + rule.description());
        }
        p.put("blend", "how near and far field are added: " + String.join("; ", blends) + ". By default "
                + DEFAULT_BLEND.specName());
        List<String> mixes = new ArrayList<>();
        for (KernelMix mix : KernelMix.values()) {
            mixes.add(mix.specName() + " = " + mix.description());
        }
        p.put("kmix", "how 2-3 kernels are added: " + String.join("; ", mixes) + ". By default "
                + DEFAULT_KERNEL_MIX.specName() + "; not allowed with one kernel");
        return p;
    }

    @Override
    public Attention create(VariantSpec spec, AttentionSettings settings) {
        SpecParams p = SpecParams.check(spec, parameters());
        int band = p.positiveInt("k", BandAttentionProvider.DEFAULT_BAND, 1);
        List<FeatureMap> kernels = kernels(spec, p.text("kernels", DEFAULT_KERNELS));

        String blendName = p.text("blend", DEFAULT_BLEND.specName());
        BlendRule blend = BlendRule.bySpecName(blendName);
        if (blend == null) {
            throw SpecParams.unknownChoice(spec, "blend", blendName, BlendRule.specNames());
        }

        KernelMix mix = null;
        if (kernels.size() == 1) {
            if (p.has("kmix")) {
                throw new IllegalArgumentException("Parameter kmix in attention spec '" + spec
                        + "' needs 2-" + MAX_KERNELS + " kernels but kernels=" + kernels.get(0).specName()
                        + " has one: drop kmix or add a kernel, e.g. kernels=elu+elu_flip.");
            }
        } else {
            String mixName = p.text("kmix", DEFAULT_KERNEL_MIX.specName());
            mix = KernelMix.bySpecName(mixName);
            if (mix == null) {
                throw SpecParams.unknownChoice(spec, "kmix", mixName, KernelMix.specNames());
            }
        }
        return new FmmAttention(spec, settings, band, kernels, blend, mix);
    }

    static List<FeatureMap> kernels(VariantSpec spec, String text) {
        List<FeatureMap> kernels = new ArrayList<>();
        for (String name : text.split("\\+", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("Empty kernel name in kernels=" + text + " of attention spec '"
                        + spec + "': list 1-" + MAX_KERNELS + " of " + String.join(", ", FeatureMap.specNames())
                        + " joined by '+', e.g. kernels=elu+elu_flip.");
            }
            FeatureMap map = FeatureMap.bySpecName(trimmed);
            if (map == null) {
                throw SpecParams.unknownChoice(spec, "kernel", trimmed, FeatureMap.specNames());
            }
            kernels.add(map);
        }
        if (kernels.size() > MAX_KERNELS) {
            throw new IllegalArgumentException("kernels=" + text + " in attention spec '" + spec + "' lists "
                    + kernels.size() + " feature maps; at most " + MAX_KERNELS + " are supported.");
        }
        return kernels;
    }

    /** The band's softmax plus one far field per kernel; the blend and kernel mix are elementwise. */
    @Override
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        SpecParams p = SpecParams.check(spec, parameters());
        int band = p.positiveInt("k", BandAttentionProvider.DEFAULT_BAND, 1);
        int kernels = kernels(spec, p.text("kernels", DEFAULT_KERNELS)).size();
        return AttentionCost.ofProducts(shape, AttentionCost.softmaxProducts(shape, shape.bandPairs(band))
                + AttentionCost.farFieldProducts(shape, kernels));
    }
}
