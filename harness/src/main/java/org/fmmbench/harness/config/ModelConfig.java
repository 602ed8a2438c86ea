package org.fmmbench.harness.config;

/**
 * Size of the LRA classifier (fmmformer.md section 2: 2 layers, dim 64, MLP 128, 2 heads, dropout 0.1).
 *
 * @param layers encoder blocks
 * @param dim model (and embedding) width
 * @param mlpDim hidden width of each block's GELU MLP
 * @param heads attention heads; head width is dim / heads
 * @param dropout dropout after embeddings, attention output and MLP
 * @param attentionDropout dropout on softmax probabilities
 * @param positions language modelling: {@code window} (the paper's, counted back from the segment's end) or
 *     {@code stream} (a token's index in the stream, which {@code train.evalMode: stateful} needs); ignored by
 *     classification tasks
 */
public record ModelConfig(int layers, int dim, int mlpDim, int heads, float dropout, float attentionDropout,
        String positions) {

    /** A plan written before {@code positions} existed reads back with the paper's. */
    public ModelConfig {
        positions = positions == null ? "window" : positions;
    }

    /** A model with the paper's language-model positions ({@code window}). */
    public ModelConfig(int layers, int dim, int mlpDim, int heads, float dropout, float attentionDropout) {
        this(layers, dim, mlpDim, heads, dropout, attentionDropout, "window");
    }
}
