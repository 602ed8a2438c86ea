package org.fmmbench.baselines.lm;

import java.util.Arrays;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Shape of a {@link TransformerLm}. The paper's WikiText-103 model is {@link #paper(int, String)}; {@link #small}
 * and {@link #tiny} keep the same architecture at sizes a CPU can train.
 *
 * @param vocabSize token ids are in [0, vocabSize)
 * @param layers number of post-LN decoder layers
 * @param modelDim d_model (= embedding width; the paper's model has no input/output projections)
 * @param heads attention heads H
 * @param headDim per-head width d (the paper uses H·d = d_model, but it is not required)
 * @param ffDim hidden width of the ReLU feed-forward layer
 * @param dropout dropout after the embedding, after attention and in the feed-forward layer
 * @param context training segment length and evaluation window (256 in the paper)
 * @param cutoffs adaptive-softmax cluster boundaries, strictly increasing and below {@code vocabSize};
 *     empty gives a plain (tied) softmax
 * @param attention the causal attention variant, e.g. {@code band:k=20}, parsed once by whoever builds the config
 * @param positions how tokens are numbered for the sinusoidal encoding ({@link PositionScheme#WINDOW} is the
 *     paper's)
 */
public record LmConfig(int vocabSize, int layers, int modelDim, int heads, int headDim, int ffDim, float dropout,
        int context, int[] cutoffs, VariantSpec attention, PositionScheme positions) {

    /** The paper's adaptive-softmax cutoffs for WikiText-103 (lmtool-fwms "small" config). */
    public static final int[] PAPER_CUTOFFS = {20_000, 40_000, 200_000};

    public LmConfig {
        require(vocabSize >= 2, "vocabSize must be >= 2, got " + vocabSize);
        require(layers >= 1, "layers must be >= 1, got " + layers);
        require(modelDim >= 2 && modelDim % 2 == 0, "modelDim must be even and >= 2 (sinusoidal positions use "
                + "sin/cos pairs), got " + modelDim);
        require(heads >= 1 && headDim >= 1, "heads and headDim must be >= 1, got " + heads + " and " + headDim);
        require(ffDim >= 1, "ffDim must be >= 1, got " + ffDim);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(context >= 1, "context must be >= 1, got " + context);
        cutoffs = cutoffs == null ? new int[0] : cutoffs.clone();
        for (int i = 0; i < cutoffs.length; i++) {
            int previous = i == 0 ? 0 : cutoffs[i - 1];
            require(cutoffs[i] > previous && cutoffs[i] < vocabSize, "adaptive-softmax cutoffs must be strictly "
                    + "increasing, positive and below the vocabulary size " + vocabSize + ", got "
                    + Arrays.toString(cutoffs) + ". Use cutoffsBelow(vocab) to keep only the ones that fit.");
        }
        require(attention != null, "attention variant is missing: give e.g. VariantSpec.parse(\"softmax\")");
        require(positions != null, "positions must be given: PositionScheme.WINDOW is the paper's");
    }

    /** A model with the paper's positions ({@link PositionScheme#WINDOW}). */
    public LmConfig(int vocabSize, int layers, int modelDim, int heads, int headDim, int ffDim, float dropout,
            int context, int[] cutoffs, VariantSpec attention) {
        this(vocabSize, layers, modelDim, heads, headDim, ffDim, dropout, context, cutoffs, attention,
                PositionScheme.WINDOW);
    }

    /** The paper's model: 16 layers, d_model 128, 8 heads × 16, FF 2048, dropout 0.1, context 256. */
    public static LmConfig paper(int vocabSize, String attention) {
        return new LmConfig(vocabSize, 16, 128, 8, 16, 2048, 0.1f, 256, cutoffsBelow(vocabSize),
                VariantSpec.parse(attention));
    }

    /** A CPU-trainable model with the paper's architecture: 4 layers, d 128, 8 heads × 16, FF 512. */
    public static LmConfig small(int vocabSize, String attention) {
        return new LmConfig(vocabSize, 4, 128, 8, 16, 512, 0.1f, 256, cutoffsBelow(vocabSize),
                VariantSpec.parse(attention));
    }

    /** For tests and smoke runs: 2 layers, d 32, 4 heads × 8, FF 64, no dropout, context 32. */
    public static LmConfig tiny(int vocabSize, String attention) {
        return new LmConfig(vocabSize, 2, 32, 4, 8, 64, 0f, 32, new int[0], VariantSpec.parse(attention));
    }

    /** The paper's cutoffs that lie below {@code vocabSize}: none for a byte corpus (plain softmax). */
    public static int[] cutoffsBelow(int vocabSize) {
        return Arrays.stream(PAPER_CUTOFFS).filter(c -> c < vocabSize).toArray();
    }

    public LmConfig withAttention(VariantSpec spec) {
        return new LmConfig(vocabSize, layers, modelDim, heads, headDim, ffDim, dropout, context, cutoffs, spec,
                positions);
    }

    public LmConfig withCutoffs(int... newCutoffs) {
        return new LmConfig(vocabSize, layers, modelDim, heads, headDim, ffDim, dropout, context, newCutoffs,
                attention, positions);
    }

    public LmConfig withDropout(float p) {
        return new LmConfig(vocabSize, layers, modelDim, heads, headDim, ffDim, p, context, cutoffs, attention,
                positions);
    }

    public LmConfig withLayers(int n) {
        return new LmConfig(vocabSize, n, modelDim, heads, headDim, ffDim, dropout, context, cutoffs, attention,
                positions);
    }

    public LmConfig withContext(int n) {
        return new LmConfig(vocabSize, layers, modelDim, heads, headDim, ffDim, dropout, n, cutoffs, attention,
                positions);
    }

    public LmConfig withPositions(PositionScheme scheme) {
        return new LmConfig(vocabSize, layers, modelDim, heads, headDim, ffDim, dropout, context, cutoffs, attention,
                scheme);
    }

    @Override
    public int[] cutoffs() {
        return cutoffs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LmConfig c && vocabSize == c.vocabSize && layers == c.layers && modelDim == c.modelDim
                && heads == c.heads && headDim == c.headDim && ffDim == c.ffDim && dropout == c.dropout
                && context == c.context && Arrays.equals(cutoffs, c.cutoffs) && attention.equals(c.attention)
                && positions == c.positions;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cutoffs) + java.util.Objects.hash(vocabSize, layers, modelDim, heads, headDim,
                ffDim, dropout, context, attention, positions);
    }

    @Override
    public String toString() {
        return "LmConfig[vocab=" + vocabSize + ", layers=" + layers + ", d=" + modelDim + ", heads=" + heads + "x"
                + headDim + ", ff=" + ffDim + ", dropout=" + dropout + ", context=" + context + ", cutoffs="
                + Arrays.toString(cutoffs) + ", attention=" + attention + ", positions=" + positions.specName()
                + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
