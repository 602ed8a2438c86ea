package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Learned token embedding plus learned absolute position embedding, then dropout.
 *
 * <p>Input: token ids (B, N). Output: (B, N, dim). Both tables start N(0, 0.02). The position table has
 * {@link #positionTableSize(int)} rows, as in the official code, which rounds its maximum length up to a power
 * of two; only the first N rows are ever used.
 */
public final class TokenAndPositionEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int maxLength;
    private final float dropout;
    private final Parameter tokens;
    private final Parameter positions;

    public TokenAndPositionEmbedding(int vocabSize, int maxLength, int dim, float dropout) {
        super(VERSION);
        if (vocabSize < 1 || maxLength < 1 || dim < 1) {
            throw new IllegalArgumentException("vocabSize, maxLength and dim must be >= 1, got "
                    + vocabSize + ", " + maxLength + ", " + dim);
        }
        this.dim = dim;
        this.maxLength = maxLength;
        this.dropout = dropout;
        tokens = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabSize, dim)).optInitializer(TorchDefaults.embedding()).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(positionTableSize(maxLength), dim))
                .optInitializer(TorchDefaults.embedding()).build());
    }

    /** The smallest power of two that is at least {@code maxLength}. */
    public static int positionTableSize(int maxLength) {
        int size = 1;
        while (size < maxLength) {
            size <<= 1;
        }
        return size;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        long n = ids.getShape().get(1);
        if (n > maxLength) {
            throw new IllegalArgumentException("Sequence of " + n + " tokens is longer than the model's maximum "
                    + maxLength + ".");
        }
        NDArray tokenTable = store.getValue(tokens, ids.getDevice(), training);
        NDArray positionTable = store.getValue(positions, ids.getDevice(), training);
        NDArray x = Embedding.embedding(ids, tokenTable, SparseFormat.DENSE).singletonOrThrow();
        // The slice is taken into the batch's manager: it would otherwise pile up in the parameters' one.
        x = x.add(positionTable.get(x.getManager(), new NDIndex("0:{}", n)));
        if (training && dropout > 0) {
            x = Dropout.dropout(x, dropout, true).singletonOrThrow();
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
