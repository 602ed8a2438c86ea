package org.fmmbench.harness.scaling;

import org.fmmbench.baselines.attention.VariantSpec;

/** One configuration the scaling command measures: a variant at one size, one causality, one mode. */
public record ScalingCell(VariantSpec variant, int n, int batch, HeadLayout layout, boolean causal, BenchMode mode) {

    /** The identity of the cell in a CSV, used to resume a run. */
    public String key() {
        return variant + "|" + n + "|" + batch + "|" + layout + "|" + causal + "|" + mode;
    }

    @Override
    public String toString() {
        return variant + " N=" + n + " B=" + batch + " " + layout + (causal ? " causal " : " ") + mode;
    }
}
