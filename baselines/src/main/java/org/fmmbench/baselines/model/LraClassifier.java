package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * The paper's single-document LRA classifier: encoder, MEAN pooling over all N positions, MLP head.
 *
 * <p>Pooling divides by the full padded length N, not by the number of real tokens, as the official code does
 * (padded outputs are zero, so they only shrink the mean). Input (B, N) token ids; output (B, classes) logits.
 */
public final class LraClassifier extends SequenceClassifier {
    private static final byte VERSION = 1;

    public LraClassifier(EncoderConfig config, int classes, VariantRegistry registry) {
        super(VERSION, config, classes, registry, config.dim());
    }

    @Override
    public int documents() {
        return 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray encoded = encoder().forward(store, inputs, training).singletonOrThrow();
        return head().forward(store, new NDList(encoded.mean(new int[] {1})), training);
    }
}
