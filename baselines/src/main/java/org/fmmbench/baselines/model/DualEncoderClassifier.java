package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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

    private final LraEncoder encoder;
    private final ClassifierHead head;

    public DualEncoderClassifier(EncoderConfig config, int classes, VariantRegistry registry) {
        super(VERSION);
        encoder = addChildBlock("encoder", new LraEncoder(config, registry));
        head = addChildBlock("head", new ClassifierHead(4 * config.dim(), config.mlpDim(), classes));
    }

    @Override
    public int documents() {
        return 2;
    }

    @Override
    public LraEncoder encoder() {
        return encoder;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x0 = pooled(store, inputs.get(0), training);
        NDArray x1 = pooled(store, inputs.get(1), training);
        NDArray features = NDArrays.concat(new NDList(x0, x1, x0.mul(x1), x0.sub(x1)), 1);
        return head.forward(store, new NDList(features), training);
    }

    private NDArray pooled(ParameterStore store, NDArray ids, boolean training) {
        return encoder.forward(store, new NDList(ids), training).singletonOrThrow().mean(new int[] {1});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, featureShape(inputShapes[0]));
    }

    private Shape featureShape(Shape ids) {
        return new Shape(ids.get(0), 4L * encoder.config().dim());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {featureShape(inputShapes[0])});
    }
}
