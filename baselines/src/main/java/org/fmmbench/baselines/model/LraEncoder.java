package org.fmmbench.baselines.model;

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
import java.util.Collections;
import java.util.List;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * The LRA encoder ("Model" in the official code): embeddings, encoder blocks, final LayerNorm, times the mask.
 *
 * <p>Input: token ids (B, N) with 0 as padding. Output: (B, N, dim) with every padded position zeroed. The key
 * mask handed to each attention variant is (B, N) float32, 1 where the token id is not 0 - so on image tasks a
 * black pixel counts as padding, exactly as in the official code.
 */
public final class LraEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final EncoderConfig config;
    private final TokenAndPositionEmbedding embedding;
    private final List<EncoderBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    public LraEncoder(EncoderConfig config, VariantRegistry registry) {
        super(VERSION);
        this.config = config;
        embedding = addChildBlock("embedding", new TokenAndPositionEmbedding(config.vocabSize(),
                config.maxLength(), config.dim(), config.dropout()));
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(addChildBlock("block" + i, new EncoderBlock(config, registry)));
        }
        finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
    }

    public EncoderConfig config() {
        return config;
    }

    public TokenAndPositionEmbedding embedding() {
        return embedding;
    }

    public List<EncoderBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public LayerNorm finalNorm() {
        return finalNorm;
    }

    /** 1 where the token is real, 0 where it is padding (id 0); float32 of the ids' shape. */
    public static NDArray keyMask(NDArray ids) {
        return ids.neq(0).toType(DataType.FLOAT32, false);
    }

    /**
     * Each block's attention matrix for token ids (B, N): one (B, H, N, N) array per block, without dropout.
     *
     * @throws IllegalArgumentException when a block's attention is not softmax attention
     */
    public List<NDArray> attentionMaps(ParameterStore store, NDArray ids) {
        NDArray mask = keyMask(ids);
        NDArray x = embedding.forward(store, new NDList(ids), false).singletonOrThrow();
        List<NDArray> maps = new ArrayList<>();
        for (EncoderBlock block : blocks) {
            maps.add(block.attentionMap(store, x, mask));
            x = block.forward(store, new NDList(x, mask), false).singletonOrThrow();
        }
        return maps;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray mask = keyMask(ids);
        NDArray x = embedding.forward(store, new NDList(ids), training).singletonOrThrow();
        for (EncoderBlock block : blocks) {
            x = block.forward(store, new NDList(x, mask), training).singletonOrThrow();
        }
        x = finalNorm.forward(store, new NDList(x), training).singletonOrThrow();
        return new NDList(x.mul(mask.expandDims(2)));
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
