package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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

    private final LraEncoder encoder;
    private final ClassifierHead head;

    public LraClassifier(EncoderConfig config, int classes, VariantRegistry registry) {
        super(VERSION);
        encoder = addChildBlock("encoder", new LraEncoder(config, registry));
        head = addChildBlock("head", new ClassifierHead(config.dim(), config.mlpDim(), classes));
    }

    @Override
    public int documents() {
        return 1;
    }

    @Override
    public LraEncoder encoder() {
        return encoder;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray encoded = encoder.forward(store, inputs, training).singletonOrThrow();
        return head.forward(store, new NDList(encoded.mean(new int[] {1})), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, pooledShape(inputShapes[0]));
    }

    private Shape pooledShape(Shape ids) {
        return new Shape(ids.get(0), encoder.config().dim());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {pooledShape(inputShapes[0])});
    }
}
