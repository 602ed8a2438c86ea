package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * The paper's Retrieval model: one encoder shared by both documents, each MEAN-pooled over its N positions,
 * and a head on {@code [x0, x1, x0 * x1, x0 - x1]} (4 dim to mlpDim to classes).
 *
 * <p>Input: two token-id arrays (B, N); output (B, classes) logits.
 */
public final class DualEncoderClassifier extends SequenceClassifier {
    private static final byte VERSION = 1;

    public DualEncoderClassifier(EncoderConfig config, int classes, VariantRegistry registry) {
        super(VERSION, config, classes, registry, 4 * config.dim());
    }

    @Override
    public int documents() {
        return 2;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x0 = pooled(store, inputs.get(0), training);
        NDArray x1 = pooled(store, inputs.get(1), training);
        NDArray features = NDArrays.concat(new NDList(x0, x1, x0.mul(x1), x0.sub(x1)), 1);
        return head().forward(store, new NDList(features), training);
    }

    private NDArray pooled(ParameterStore store, NDArray ids, boolean training) {
        return encoder().forward(store, new NDList(ids), training).singletonOrThrow().mean(new int[] {1});
    }
}
