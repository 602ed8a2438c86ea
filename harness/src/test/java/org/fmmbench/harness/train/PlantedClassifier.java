package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.ClassifierHead;
import org.fmmbench.baselines.model.EncoderBlock;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.LraEncoder;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.fmmbench.baselines.model.TokenAndPositionEmbedding;

/**
 * fmmbench's single-document LRA classifier (LraEncoder + LraClassifier, same parts and parameter names) with one
 * deliberate mistake, to show that the parity test notices it.
 */
final class PlantedClassifier extends SequenceClassifier {
    /** The one line that differs from the production model. */
    enum Plant {
        /** MEAN pooling divides by the number of real tokens instead of the padded length N. */
        MEAN_OVER_REAL_TOKENS,
        /** The encoder output is not multiplied by the mask, so padded positions are pooled too. */
        PADDING_NOT_ZEROED,
        /** The final LayerNorm is skipped (its parameters are frozen: nothing would train them). */
        NO_FINAL_NORM
    }

    private final Plant plant;
    private final Encoder encoder;
    private final ClassifierHead head;

    PlantedClassifier(EncoderConfig config, int classes, VariantRegistry registry, Plant plant) {
        super((byte) 1);
        this.plant = plant;
        encoder = addChildBlock("encoder", new Encoder(config, registry));
        head = addChildBlock("head", new ClassifierHead(config.dim(), config.mlpDim(), classes));
        if (plant == Plant.NO_FINAL_NORM) {
            encoder.finalNorm.freezeParameters(true);
        }
    }

    @Override
    public int documents() {
        return 1;
    }

    @Override
    public LraEncoder encoder() {
        throw new UnsupportedOperationException("A planted model has no production encoder.");
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray encoded = encoder.forward(store, inputs, training).singletonOrThrow();
        NDArray pooled = plant == Plant.MEAN_OVER_REAL_TOKENS
                ? encoded.sum(new int[] {1}).div(LraEncoder.keyMask(ids).sum(new int[] {1}, true))
                : encoded.mean(new int[] {1});
        return head.forward(store, new NDList(pooled), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), encoder.config.dim()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), encoder.config.dim())});
    }

    /** LraEncoder's children under LraEncoder's names. */
    private final class Encoder extends AbstractBlock {
        private final EncoderConfig config;
        private final TokenAndPositionEmbedding embedding;
        private final List<EncoderBlock> blocks = new ArrayList<>();
        private final LayerNorm finalNorm;

        Encoder(EncoderConfig config, VariantRegistry registry) {
            super((byte) 1);
            this.config = config;
            embedding = addChildBlock("embedding", new TokenAndPositionEmbedding(config.vocabSize(),
                    config.maxLength(), config.dim(), config.dropout()));
            for (int i = 0; i < config.layers(); i++) {
                blocks.add(addChildBlock("block" + i, new EncoderBlock(config, registry)));
            }
            finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray ids = inputs.singletonOrThrow();
            NDArray mask = LraEncoder.keyMask(ids);
            NDArray x = embedding.forward(store, new NDList(ids), training).singletonOrThrow();
            for (EncoderBlock block : blocks) {
                x = block.forward(store, new NDList(x, mask), training).singletonOrThrow();
            }
            if (plant != Plant.NO_FINAL_NORM) {
                x = finalNorm.forward(store, new NDList(x), training).singletonOrThrow();
            }
            return new NDList(plant == Plant.PADDING_NOT_ZEROED ? x : x.mul(mask.expandDims(2)));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape ids = inputShapes[0];
            embedding.initialize(manager, dataType, ids);
            Shape x = embedding.getOutputShapes(new Shape[] {ids})[0];
            for (EncoderBlock block : blocks) {
                block.initialize(manager, dataType, x, ids);
            }
            finalNorm.initialize(manager, dataType, x);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0].add(config.dim())};
        }
    }
}
