package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import java.util.stream.Stream;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The paper's LM rows built through the registry: causal, and the math the LM code computes. */
class PaperRowsTest {
    private static final VariantRegistry REGISTRY = VariantRegistry.load();

    static Stream<LmRows.Row> rows() {
        return LmRows.PAPER.stream();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theWholeModelDoesNotLookAhead(LmRows.Row row) {
        try (NDManager m = NDManager.newBaseManager()) {
            int vocab = 40;
            LmConfig config = LmConfig.tiny(vocab, row.spec()).withCutoffs(10, 25).withContext(48);
            TransformerLm lm = TransformerLm.create(config, REGISTRY);
            lm.initialize(m, DataType.FLOAT32, new Shape(1, 48), new Shape(1, 48));
            // switch the near field on (the official init is 0) so that the band part is exercised too
            lm.getParameters().forEach(p -> {
                if (p.getKey().endsWith("near_weight")) {
                    p.getValue().getArray().addi(1f);
                }
            });
            ParameterStore ps = new ParameterStore(m, false);
            Random r = new Random(row.spec().hashCode());
            int n = 41;
            int cut = 29;
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(vocab);
            }
            int[] b = a.clone();
            for (int i = cut; i < n; i++) {
                b[i] = (a[i] + 1 + r.nextInt(vocab - 1)) % vocab;
            }
            float[] la = lm.logProbabilities(ps, m.create(a, new Shape(1, n)), false).toFloatArray();
            float[] lb = lm.logProbabilities(ps, m.create(b, new Shape(1, n)), false).toFloatArray();
            for (int i = 0; i < n; i++) {
                float diff = 0;
                for (int v = 0; v < vocab; v++) {
                    diff = Math.max(diff, Math.abs(la[i * vocab + v] - lb[i * vocab + v]));
                }
                if (i < cut) {
                    assertEquals(0f, diff, 2e-5f, row.label() + ": position " + i + " saw a later token");
                } else {
                    assertTrue(diff > 1e-4f, row.label() + ": position " + i + " ignored its input");
                }
            }
        }
    }

    static Stream<Arguments> singleKernelRows() {
        return Stream.of(
                Arguments.of("softmax", DenseCausalReference.Family.SOFTMAX, 0),
                Arguments.of("linear", DenseCausalReference.Family.LINEAR, 0),
                Arguments.of("band:k=5", DenseCausalReference.Family.BAND, 5),
                Arguments.of("band:k=20", DenseCausalReference.Family.BAND, 20),
                Arguments.of("fmm:k=5,kernels=elu,blend=near_channel", DenseCausalReference.Family.FMM, 5),
                Arguments.of("fmm:k=20,kernels=elu,blend=near_channel", DenseCausalReference.Family.FMM, 20));
    }

    @ParameterizedTest
    @MethodSource("singleKernelRows")
    void registryVariantComputesTheOfficialLanguageModelAttention(String spec, DenseCausalReference.Family family,
            int band) {
        try (NDManager m = NDManager.newBaseManager()) {
            AttentionSettings s = AttentionSettings.causal(2, 8);
            Attention variant = REGISTRY.create(spec, s);
            DenseCausalReference reference = new DenseCausalReference(family, band, s);
            Shape shape = new Shape(2, 2, 45, 8);
            variant.initialize(m, DataType.FLOAT32, shape, shape, shape);
            reference.initialize(m, DataType.FLOAT32, shape, shape, shape);
            if (family == DenseCausalReference.Family.FMM) {
                NDArray w = m.randomNormal(new Shape(1, 2, 1, 8));
                variant.getParameters().valueAt(0).getArray().set(w.toFloatArray());
                reference.getParameters().valueAt(0).getArray().set(w.toFloatArray());
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDList qkv = new NDList(m.randomNormal(shape), m.randomNormal(shape), m.randomNormal(shape));
            float[] got = variant.forward(ps, qkv, false).singletonOrThrow().toFloatArray();
            float[] want = reference.forward(ps, qkv, false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertEquals(want[i], got[i], 2e-5f, spec + " at " + i);
            }
        }
    }
}
