package org.fmmbench.baselines.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.fmmbench.baselines.attention.BandAttention;
import org.fmmbench.baselines.attention.SoftmaxAttention;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LraClassifierTest {
    private static final int VOCAB = 20;
    private static final int N = 16;
    private static final int BATCH = 3;

    private final VariantRegistry registry = VariantRegistry.load();
    private NDManager manager;
    private ParameterStore store;

    @BeforeEach
    void open() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static List<String> maskedVariants() {
        return ModelTestVariants.MASKED;
    }

    private static EncoderConfig small(String variant) {
        return EncoderConfig.paper(VOCAB, N).dim(16).heads(2).mlpDim(24).variant(variant).build();
    }

    private SequenceClassifier initialised(SequenceClassifier model) {
        Shape[] shapes = new Shape[model.documents()];
        java.util.Arrays.fill(shapes, new Shape(BATCH, N));
        model.initialize(manager, DataType.FLOAT32, shapes);
        return model;
    }

    /** Token ids with the last {@code pad[b]} positions of row b set to padding (0). */
    private NDArray tokens(long seed, int... pad) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] ids = new int[BATCH * N];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < N; i++) {
                ids[b * N + i] = i < N - pad[b] ? 1 + random.nextInt(VOCAB - 1) : 0;
            }
        }
        return manager.create(ids, new Shape(BATCH, N));
    }

    private float[] logits(SequenceClassifier model, NDArray... docs) {
        return model.forward(store, new NDList(docs), false).singletonOrThrow().toFloatArray();
    }

    @Test
    void classifierMapsTokensToOneRowOfLogitsPerExample() {
        SequenceClassifier model = initialised(new LraClassifier(small("softmax"), 5, registry));
        NDArray out = model.forward(store, new NDList(tokens(1, 0, 3, 7)), false).singletonOrThrow();
        assertEquals(new Shape(BATCH, 5), out.getShape());
        assertEquals(new Shape(BATCH, 5), model.getOutputShapes(new Shape[] {new Shape(BATCH, N)})[0]);
    }

    @Test
    void dualEncoderMapsTwoDocumentsToOneRowOfLogitsPerExample() {
        SequenceClassifier model = initialised(new DualEncoderClassifier(small("softmax"), 2, registry));
        NDArray out = model.forward(store, new NDList(tokens(1, 0, 3, 7), tokens(2, 5, 0, 1)), false)
                .singletonOrThrow();
        assertEquals(new Shape(BATCH, 2), out.getShape());
    }

    @ParameterizedTest
    @MethodSource("maskedVariants")
    void padTokenEmbeddingDoesNotChangeTheLogits(String variant) {
        SequenceClassifier model = initialised(new LraClassifier(small(variant), 4, registry));
        NDArray ids = tokens(3, 0, 5, 11);
        float[] before = logits(model, ids);

        // A padded position holds the pad token's embedding (row 0) plus its position embedding; the mask
        // is derived from the ids, so "what sits there" is changed through the embedding tables.
        overwriteRow(model, "embedding_tokens", 0, 3f);
        float[] after = logits(model, ids);
        assertArrayEquals(before, after, 1e-6f, variant + ": the pad token's embedding leaked into the logits");
    }

    @ParameterizedTest
    @MethodSource("maskedVariants")
    void positionEmbeddingsOfPaddedTailDoNotChangeTheLogits(String variant) {
        SequenceClassifier model = initialised(new LraClassifier(small(variant), 4, registry));
        NDArray ids = tokens(4, 6, 6, 6);
        float[] before = logits(model, ids);
        for (int position = N - 6; position < N; position++) {
            overwriteRow(model, "embedding_positions", position, -2f);
        }
        assertArrayEquals(before, logits(model, ids), 1e-6f,
                variant + ": position embeddings of padded positions leaked into the logits");
    }

    @Test
    void realTokensDoChangeTheLogits() {
        SequenceClassifier model = initialised(new LraClassifier(small("softmax"), 4, registry));
        NDArray ids = tokens(3, 0, 5, 11);
        float[] before = logits(model, ids);
        overwriteRow(model, "embedding_tokens", 1, 3f);
        overwriteRow(model, "embedding_tokens", 2, 3f);
        assertFalse(java.util.Arrays.equals(before, logits(model, ids)),
                "a check that cannot fail: changing real tokens' embeddings must move the logits");
    }

    @Test
    void attentionVariantIsChosenBySpecOnly() {
        SequenceClassifier softmax = initialised(new LraClassifier(small("softmax"), 4, registry));
        SequenceClassifier band = initialised(new LraClassifier(small("band:k=3"), 4, registry));
        for (EncoderBlock block : softmax.encoder().blocks()) {
            assertInstanceOf(SoftmaxAttention.class, block.attention().attention());
        }
        for (EncoderBlock block : band.encoder().blocks()) {
            assertInstanceOf(BandAttention.class, block.attention().attention());
            assertEquals("band:k=3", block.attention().attention().spec().toString());
        }
        assertEquals(softmax.getParameters().keys(), band.getParameters().keys());
        assertEquals(softmax.parameterCount(), band.parameterCount());
        SequenceClassifier softmaxAgain = initialised(new LraClassifier(small("softmax"), 4, registry));
        for (Pair<String, Parameter> p : softmax.getParameters()) {
            band.getParameters().get(p.getKey()).getArray().set(p.getValue().getArray().toByteBuffer());
            softmaxAgain.getParameters().get(p.getKey()).getArray().set(p.getValue().getArray().toByteBuffer());
        }
        NDArray ids = tokens(9, 0, 2, 5);
        assertArrayEquals(logits(softmax, ids), logits(softmaxAgain, ids), 0f, "same weights, same spec");
        assertFalse(java.util.Arrays.equals(logits(softmax, ids), logits(band, ids)),
                "same weights, different attention spec: the outputs must differ");
    }

    @Test
    void unknownVariantIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LraClassifier(small("no-such-attention"), 4, registry));
        assertTrue(e.getMessage().contains("softmax") && e.getMessage().contains("fmm"), e.getMessage());
    }

    @Test
    void dualEncoderSharesOneEncoderBetweenItsDocuments() {
        EncoderConfig config = small("softmax");
        SequenceClassifier single = initialised(new LraClassifier(config, 2, registry));
        SequenceClassifier dual = initialised(new DualEncoderClassifier(config, 2, registry));
        // Only the head's first layer differs: 4*dim inputs instead of dim. A second encoder would add its
        // whole parameter count.
        long headDifference = 3L * config.dim() * config.mlpDim();
        assertEquals(single.parameterCount() + headDifference, dual.parameterCount());

        NDArray a = tokens(5, 0, 2, 4);
        NDArray b = tokens(6, 1, 0, 3);
        float[] ab = logits(dual, a, b);
        overwriteRow(dual, "embedding_tokens", 0, 1f);
        assertArrayEquals(ab, logits(dual, a, b), 1e-6f);
        assertFalse(java.util.Arrays.equals(ab, logits(dual, a, a)), "the second document must matter");
    }

    @Test
    void paperListOpsModelHasTheParameterCountOfTheOfficialConfig() {
        EncoderConfig config = EncoderConfig.paper(32, 2048).variant("softmax").build();
        SequenceClassifier model = new LraClassifier(config, 10, registry);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 2048));
        long d = 64;
        long h = 128;
        long embeddings = 32 * d + 2048 * d;
        long block = 2 * (2 * d) + 4 * (d * d + d) + (d * h + h) + (h * d + d);
        long head = (d * h + h) + (h * 10 + 10);
        assertEquals(embeddings + 2 * block + 2 * d + head, model.parameterCount());
    }

    @Test
    void positionTableIsRoundedUpToAPowerOfTwo() {
        assertEquals(2048, TokenAndPositionEmbedding.positionTableSize(2000));
        assertEquals(1024, TokenAndPositionEmbedding.positionTableSize(1024));
        assertEquals(4096, TokenAndPositionEmbedding.positionTableSize(4000));
        assertEquals(1, TokenAndPositionEmbedding.positionTableSize(1));
    }

    @Test
    void linearLayersStartLikePyTorchAndEmbeddingsLikeTheLraCode() {
        EncoderConfig config = EncoderConfig.paper(512, 1024).variant("softmax").build();
        SequenceClassifier model = new LraClassifier(config, 10, registry);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 1024));
        for (Pair<String, Parameter> p : model.getParameters()) {
            NDArray w = p.getValue().getArray();
            String name = p.getKey();
            if (name.contains("embedding")) {
                assertEquals(0.02, std(w), 0.002, name);
            } else if (name.endsWith("_weight") || name.endsWith("_bias")) {
                long fanIn = name.endsWith("_weight") ? w.getShape().get(1) : fanInOfBias(model, name);
                double bound = 1 / Math.sqrt(fanIn);
                assertTrue(w.abs().max().getFloat() <= bound, name + " exceeds 1/sqrt(fan_in)");
                if (w.size() > 1000) {
                    assertEquals(bound / Math.sqrt(3), std(w), 0.1 * bound, name + " is not U(-b, b)");
                }
            } else if (name.endsWith("gamma")) {
                assertEquals(1f, w.min().getFloat());
                assertEquals(1f, w.max().getFloat());
            }
        }
    }

    private static long fanInOfBias(SequenceClassifier model, String biasName) {
        String weightName = biasName.substring(0, biasName.length() - "bias".length()) + "weight";
        return model.getParameters().get(weightName).getArray().getShape().get(1);
    }

    private static double std(NDArray w) {
        float[] v = w.toFloatArray();
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / v.length);
    }

    private static void overwriteRow(SequenceClassifier model, String suffix, int row, float value) {
        Parameter table = model.getParameters().stream()
                .filter(p -> p.getKey().endsWith(suffix)).findFirst().orElseThrow().getValue();
        NDArray array = table.getArray();
        int width = (int) array.getShape().get(1);
        float[] values = array.toFloatArray();
        java.util.Arrays.fill(values, row * width, (row + 1) * width, value);
        array.set(FloatBuffer.wrap(values));
    }
    @Test
    void encoderAttentionMapsAreRowStochasticPerLayerAndGiveNoWeightToPaddedKeys() {
        SequenceClassifier model = initialised(new LraClassifier(small("softmax"), 4, registry));

        List<NDArray> maps = model.encoder().attentionMaps(store, tokens(3, 0, 5, 11));

        assertEquals(model.encoder().blocks().size(), maps.size());
        for (NDArray map : maps) {
            assertEquals(new Shape(BATCH, 2, N, N), map.getShape());
            float[] rowSums = map.sum(new int[] {3}).toFloatArray();
            for (float sum : rowSums) {
                assertEquals(1f, sum, 1e-5f);
            }
            // Row 2 has its last 11 positions padded: no query may put weight on them.
            float padded = map.get("2, :, :, " + (N - 11) + ":").sum().getFloat();
            assertEquals(0f, padded, 1e-6f);
            float real = map.get("2, :, :, :" + (N - 11)).sum().getFloat();
            assertEquals(2f * N, real, 1e-4f);
        }
    }

    @Test
    void encoderAttentionMapsRefuseAVariantWithoutAnAttentionMatrix() {
        SequenceClassifier model = initialised(new LraClassifier(small("band:k=3"), 4, registry));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.encoder().attentionMaps(store, tokens(3, 0, 0, 0)));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    }
}
