package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * One full-vocabulary embedding table (the official {@code div_val 1}), initialised N(0, 0.02) and multiplied by
 * √d_model on the way in. Its table is shared with the output layer ({@link AdaptiveSoftmax}), which reads it
 * unscaled.
 */
public final class ScaledEmbedding extends AbstractBlock {
    private final int vocabSize;
    private final int dim;
    private final float scale;
    private final Parameter weight;

    public ScaledEmbedding(int vocabSize, int dim) {
        super((byte) 1);
        this.vocabSize = vocabSize;
        this.dim = dim;
        this.scale = (float) Math.sqrt(dim);
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabSize, dim)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    /** The (vocab, d) table; tie an output layer to it by reading this parameter. */
    public Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, ids.getDevice(), training);
        NDArray ids64 = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        NDArray e = Embedding.embedding(ids64, w, SparseFormat.DENSE).singletonOrThrow();
        // A native scalar, not mul(float): DJL frees the tensor it makes from a Java float right after the op,
        // yet autograd keeps it for backward, which then reads freed memory (README, "DJL pitfall").
        return new NDList(e.mul(e.getManager().full(new Shape(), scale, e.getDataType())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }

    int vocabSize() {
        return vocabSize;
    }
}
