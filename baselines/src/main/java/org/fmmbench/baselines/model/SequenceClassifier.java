package org.fmmbench.baselines.model;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * A block mapping one token-id array (B, N) per document to class logits (B, classes).
 *
 * <p>{@link #create} picks the paper's model for the number of documents per example: {@link LraClassifier}
 * for one, {@link DualEncoderClassifier} (Retrieval) for two.
 */
public abstract class SequenceClassifier extends AbstractBlock {
    protected SequenceClassifier(byte version) {
        super(version);
    }

    /** Token arrays expected per example. */
    public abstract int documents();

    public abstract LraEncoder encoder();

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
