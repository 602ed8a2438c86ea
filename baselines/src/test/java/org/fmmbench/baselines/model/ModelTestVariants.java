package org.fmmbench.baselines.model;

import java.util.List;

/** Attention variants that mask padded keys, run by the model tests. */
final class ModelTestVariants {
    static final List<String> MASKED = List.of("test-softmax");

    private ModelTestVariants() {
    }
}
