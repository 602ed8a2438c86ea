package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * A block mapping one token-id array (B, N) per document to class logits (B, classes): an {@link LraEncoder}
 * whose pooled outputs feed a {@link ClassifierHead}. Subclasses say only how documents become head features.
 *
 * <p>{@link #create} picks the paper's model for the number of documents per example: {@link LraClassifier}
 * for one, {@link DualEncoderClassifier} (Retrieval) for two.
 */
public abstract class SequenceClassifier extends AbstractBlock {
    private final LraEncoder encoder;
    private final ClassifierHead head;
    private final int featureDim;

    /**
     * Adds the child blocks "encoder" then "head" (that order fixes parameter initialisation and checkpoint
     * names); the head reads {@code featureDim} features per example.
     */
    protected SequenceClassifier(byte version, EncoderConfig config, int classes, VariantRegistry registry,
            int featureDim) {
        super(version);
        this.featureDim = featureDim;
        encoder = addChildBlock("encoder", new LraEncoder(config, registry));
        head = addChildBlock("head", new ClassifierHead(featureDim, config.mlpDim(), classes));
    }

    /** Token arrays expected per example. */
    public abstract int documents();

    public LraEncoder encoder() {
        return encoder;
    }

    protected ClassifierHead head() {
        return head;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, featureShape(inputShapes[0]));
    }

    private Shape featureShape(Shape ids) {
        return new Shape(ids.get(0), featureDim);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {featureShape(inputShapes[0])});
    }

    /** Number of scalars in all parameters (shared ones counted once); the block must be initialised. */
    public long parameterCount() {
        long total = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            if (!p.getValue().isInitialized()) {
                throw new IllegalStateException("Parameter " + p.getKey() + " is not initialised yet: count "
                        + "parameters after the first forward pass or Trainer.initialize.");
            }
            total += p.getValue().getArray().size();
        }
        return total;
    }

    public static SequenceClassifier create(int documents, EncoderConfig config, int classes,
            VariantRegistry registry) {
        return switch (documents) {
            case 1 -> new LraClassifier(config, classes, registry);
            case 2 -> new DualEncoderClassifier(config, classes, registry);
            default -> throw new IllegalArgumentException("Tasks have 1 or 2 documents per example, got "
                    + documents + ".");
        };
    }
}
