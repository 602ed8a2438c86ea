package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.EncoderBlock;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.LraEncoder;
import org.fmmbench.baselines.model.SequenceClassifier;

/**
 * fmmbench's single-document LRA classifier - the production encoder and head, under the production names - run
 * with one deliberate mistake in how they are put together, to show that the parity test notices it.
 */
final class PlantedClassifier extends SequenceClassifier {
    /** The one line that differs from LraEncoder / LraClassifier. */
    enum Plant {
        /** MEAN pooling divides by the number of real tokens instead of the padded length N. */
        MEAN_OVER_REAL_TOKENS,
        /** The encoder output is not multiplied by the mask, so padded positions are pooled too. */
        PADDING_NOT_ZEROED,
        /** The final LayerNorm is skipped (its parameters are frozen: nothing would train them). */
        NO_FINAL_NORM
    }

    private final Plant plant;

    PlantedClassifier(EncoderConfig config, int classes, VariantRegistry registry, Plant plant) {
        super((byte) 1, config, classes, registry, config.dim());
        this.plant = plant;
        if (plant == Plant.NO_FINAL_NORM) {
            encoder().finalNorm().freezeParameters(true);
        }
    }

    @Override
    public int documents() {
        return 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        LraEncoder encoder = encoder();
        NDArray ids = inputs.singletonOrThrow();
        NDArray mask = LraEncoder.keyMask(ids);
        NDArray x = encoder.embedding().forward(store, inputs, training).singletonOrThrow();
        for (EncoderBlock block : encoder.blocks()) {
            x = block.forward(store, new NDList(x, mask), training).singletonOrThrow();
        }
        if (plant != Plant.NO_FINAL_NORM) {
            x = encoder.finalNorm().forward(store, new NDList(x), training).singletonOrThrow();
        }
        if (plant != Plant.PADDING_NOT_ZEROED) {
            x = x.mul(mask.expandDims(2));
        }
        NDArray pooled = plant == Plant.MEAN_OVER_REAL_TOKENS
                ? x.sum(new int[] {1}).div(mask.sum(new int[] {1}, true))
                : x.mean(new int[] {1});
        return head().forward(store, new NDList(pooled), training);
    }
}
