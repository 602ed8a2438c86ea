package org.fmmbench.baselines.model;

import java.util.List;

/** Attention variants that mask padded keys, run by the model tests. */
final class ModelTestVariants {
    static final List<String> MASKED = List.of("softmax", "linear", "band:k=5",
            "fmm:k=5,kernels=elu,blend=mix", "fmm:k=5,kernels=elu+elu_flip,blend=mix,kmix=fixed");

    private ModelTestVariants() {
    }
}
