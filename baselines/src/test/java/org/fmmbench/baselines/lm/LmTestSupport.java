package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** Builds small initialised models for the tests. */
final class LmTestSupport {
    private LmTestSupport() {
    }

    static TransformerLm model(NDManager manager, LmConfig config, DenseCausalReference.Family family, int band) {
        TransformerLm lm = new TransformerLm(config, s -> new DenseCausalReference(family, band, s));
        lm.initialize(manager, DataType.FLOAT32, new Shape(2, config.context()), new Shape(2, config.context()));
        return lm;
    }

    static ParameterStore store(NDManager manager) {
        return new ParameterStore(manager, false);
    }
}
