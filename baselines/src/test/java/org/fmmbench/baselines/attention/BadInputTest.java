package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.fmmbench.baselines.NDManagerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Impossible specs and mismatched tensors fail with one message naming the problem and the valid choices. */
class BadInputTest extends NDManagerPerClass {
    private static final AttentionSettings SETTINGS = AttentionSettings.nonCausal(2, 8);

    private static String specFailure(String spec) {
        return assertThrows(IllegalArgumentException.class,
                () -> VariantRegistry.load().create(spec, SETTINGS)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should mention '" + part + "'");
        }
    }

    @Test
    void unknownParameterIsNamedWithTheAcceptedOnes() {
        assertMentions(specFailure("band:k=5,width=3"), "Unknown parameter 'width'", "accepts k (");
        assertMentions(specFailure("fmm:kernel=elu"), "Unknown parameter 'kernel'", "k (", "kernels (", "blend (",
                "kmix (");
        assertMentions(specFailure("softmax:k=5"), "Unknown parameter 'k'", "accepts no parameters");
        assertMentions(specFailure("linear:kernels=tanh"), "Unknown parameter 'kernels'", "accepts no parameters");
    }

    @Test
    void unknownKernelBlendOrMixListsTheValidNames() {
        assertMentions(specFailure("fmm:kernels=elu+relu"), "Unknown kernel 'relu'", "elu, elu_flip, tanh");
        assertMentions(specFailure("fmm:blend=sigmoid"), "Unknown blend 'sigmoid'",
                "far_channel, mix, near_channel, near_gate, per_head");
        assertMentions(specFailure("fmm:kmix=learned"), "Unknown kmix 'learned'", "fixed, learned_ab, learned_c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"band:k=0;must be >= 1", "fmm:k=-2;must be >= 1",
        "band:k=2.5;is not an integer", "fmm:k=five;is not an integer"})
    void bandMustBeAPositiveInteger(String spec, String problem) {
        assertMentions(specFailure(spec), "Parameter k=", problem, "e.g. k=5");
    }

    @Test
    void kernelListMustHoldOneToThreeNames() {
        assertMentions(specFailure("fmm:kernels=elu+"), "Empty kernel name", "elu, elu_flip, tanh");
        assertMentions(specFailure("fmm:kernels=+"), "Empty kernel name");
        assertMentions(specFailure("fmm:kernels=elu+elu_flip+tanh+elu"), "lists 4 feature maps",
                "at most 3");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse("fmm:kernels="))
                .getMessage(), "Bad parameter 'kernels='", "key=value");
    }

    @Test
    void kernelMixWithOneKernelIsRefused() {
        assertMentions(specFailure("fmm:kernels=elu,kmix=fixed"), "kmix", "needs 2-3 kernels",
                "kernels=elu has one", "drop kmix");
    }

    private static String forwardFailure(Shape q, Shape k, Shape v, Shape mask, DataType maskType) {
        Attention block = VariantRegistry.load().create("fmm", SETTINGS);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 8, 8), new Shape(1, 2, 8, 8),
                new Shape(1, 2, 8, 8));
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.zeros(q), sub.zeros(k), sub.zeros(v));
            if (mask != null) {
                in.add(sub.ones(mask, maskType));
            }
            return assertThrows(IllegalArgumentException.class,
                    () -> block.forward(new ParameterStore(sub, false), in, false)).getMessage();
        }
    }

    @Test
    void mismatchedTensorShapesAreNamed() {
        Shape good = new Shape(2, 2, 10, 8);
        assertMentions(forwardFailure(good, new Shape(2, 2, 11, 8), good, null, DataType.FLOAT32),
                "same shape", "k (2, 2, 11, 8)");
        assertMentions(forwardFailure(new Shape(2, 3, 10, 8), new Shape(2, 3, 10, 8), new Shape(2, 3, 10, 8), null,
                DataType.FLOAT32), "built for 2 heads of width 8", "3 heads of width 8");
        assertMentions(forwardFailure(new Shape(2, 2, 10, 4), new Shape(2, 2, 10, 4), new Shape(2, 2, 10, 4), null,
                DataType.FLOAT32), "built for 2 heads of width 8", "2 heads of width 4");
        assertMentions(forwardFailure(new Shape(20, 8), new Shape(20, 8), new Shape(20, 8), null, DataType.FLOAT32),
                "(B, H, N, d)");
        assertMentions(forwardFailure(good, good, good, new Shape(2, 9), DataType.FLOAT32),
                "key mask must have shape (B, N) = (2, 10)", "got (2, 9)");
        assertMentions(forwardFailure(good, good, good, new Shape(2, 10), DataType.INT32),
                "key mask must hold float32", "got int32");
    }

    @Test
    void wrongNumberOfInputsIsNamed() {
        Attention block = VariantRegistry.load().create("band", SETTINGS);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.zeros(new Shape(1, 2, 4, 8));
            String message = assertThrows(IllegalArgumentException.class,
                    () -> block.forward(new ParameterStore(sub, false), new NDList(x, x), false)).getMessage();
            assertMentions(message, "expects q, k, v and optionally a key mask, got 2 arrays");
        }
    }
}
