package org.fmmbench.baselines.model;

import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Shape of the LRA encoder (fmmformer.md section 2: 2 layers, dim 64, MLP 128, 2 heads of 32, dropout 0.1).
 *
 * @param vocabSize token ids are in [0, vocabSize); id 0 is padding
 * @param maxLength longest sequence the position table must cover
 * @param dim model and embedding width
 * @param heads attention heads; each head is {@code dim / heads} wide
 * @param mlpDim hidden width of every GELU MLP and of the classifier head
 * @param layers encoder blocks
 * @param dropout dropout after the embeddings, the attention output and inside/after the MLP
 * @param attentionDropout dropout on attention probabilities (passed to the variant)
 * @param variant the attention variant each block creates through the registry
 */
public record EncoderConfig(int vocabSize, int maxLength, int dim, int heads, int mlpDim, int layers,
        float dropout, float attentionDropout, VariantSpec variant) {

    public EncoderConfig {
        if (vocabSize < 1 || maxLength < 1 || dim < 1 || heads < 1 || mlpDim < 1 || layers < 1) {
            throw new IllegalArgumentException("vocabSize, maxLength, dim, heads, mlpDim and layers must all be "
                    + ">= 1, got " + vocabSize + ", " + maxLength + ", " + dim + ", " + heads + ", " + mlpDim
                    + ", " + layers + ".");
        }
        if (dim % heads != 0) {
            throw new IllegalArgumentException("Model width " + dim + " is not divisible by " + heads
                    + " heads: choose dim as a multiple of heads (the paper uses dim 64, 2 heads).");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (variant == null) {
            throw new IllegalArgumentException("An attention variant spec is required, e.g. 'softmax'.");
        }
    }

    public int headDim() {
        return dim / heads;
    }

    /** What every attention block of this encoder is built with: non-causal, as on LRA. */
    public AttentionSettings attentionSettings() {
        return new AttentionSettings(heads, headDim(), false, attentionDropout);
    }

    /** The paper's LRA sizes for a task with the given vocabulary and length. */
    public static Builder paper(int vocabSize, int maxLength) {
        return new Builder(vocabSize, maxLength);
    }

    /** Starts from the paper's sizes; every field can be overridden. */
    public static final class Builder {
        private final int vocabSize;
        private final int maxLength;
        private int dim = 64;
        private int heads = 2;
        private int mlpDim = 128;
        private int layers = 2;
        private float dropout = 0.1f;
        private float attentionDropout = 0.1f;
        private VariantSpec variant = VariantSpec.parse("softmax");

        private Builder(int vocabSize, int maxLength) {
            this.vocabSize = vocabSize;
            this.maxLength = maxLength;
        }

        public Builder dim(int v) {
            dim = v;
            return this;
        }

        public Builder heads(int v) {
            heads = v;
            return this;
        }

        public Builder mlpDim(int v) {
            mlpDim = v;
            return this;
        }

        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder dropout(float v) {
            dropout = v;
            return this;
        }

        public Builder attentionDropout(float v) {
            attentionDropout = v;
            return this;
        }

        public Builder variant(String spec) {
            variant = VariantSpec.parse(spec);
            return this;
        }

        public Builder variant(VariantSpec spec) {
            variant = spec;
            return this;
        }

        public EncoderConfig build() {
            return new EncoderConfig(vocabSize, maxLength, dim, heads, mlpDim, layers, dropout, attentionDropout,
                    variant);
        }
    }
}
