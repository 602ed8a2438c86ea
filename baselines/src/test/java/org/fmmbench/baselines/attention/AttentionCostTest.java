package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fmmbench.baselines.attention.example.UniformAttentionProvider;
import org.junit.jupiter.api.Test;

class AttentionCostTest {
    private static final VariantRegistry REGISTRY = VariantRegistry.load();

    @Test
    void bandPairsCountEveryQueryKeyPairInsideTheBand() {
        for (boolean causal : new boolean[] {false, true}) {
            for (int n : new int[] {1, 3, 5, 17}) {
                for (int band : new int[] {1, 2, 5, 40}) {
                    long pairs = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            boolean in = causal ? j <= i && i - j <= band - 1 : Math.abs(i - j) <= band - 1;
                            pairs += in ? 1 : 0;
                        }
                    }
                    AttentionShape shape = new AttentionShape(1, 1, n, 4, causal, false);
                    assertEquals(pairs, shape.bandPairs(band), "n=" + n + " band=" + band + " causal=" + causal);
                }
            }
        }
    }

    @Test
    void fmmForwardBackwardCostsTwelveNdTimesBandPlusKernelsTimesD() {
        long n = 8192;
        long d = 32;
        AttentionShape shape = new AttentionShape(1, 2, n, d, false, true);
        AttentionCost cost = REGISTRY.cost(VariantSpec.parse("fmm:k=5,kernels=elu+elu_flip"), shape);
        // Per sequence 12 d (pairs + r N d) with pairs = 9 N - 20 (rows near the ends see fewer of the 9 keys).
        double perSequence = 12.0 * d * ((9 * n - 20) + 2 * n * d);
        assertEquals(2 * perSequence, cost.flops(), 1e-6 * cost.flops());
        assertEquals(8.0 * 2 * n * d * 4, cost.bytes());
    }

    @Test
    void forwardCostIsAThirdOfForwardBackwardAndSoftmaxIsQuadratic() {
        AttentionShape fwd = new AttentionShape(2, 2, 1024, 32, true, false);
        AttentionShape both = new AttentionShape(2, 2, 1024, 32, true, true);
        for (String spec : new String[] {"softmax", "linear", "band:k=3", "fmm:k=3,kernels=elu"}) {
            VariantSpec v = VariantSpec.parse(spec);
            assertEquals(3 * REGISTRY.cost(v, fwd).flops(), REGISTRY.cost(v, both).flops(), 1e-3, spec);
        }
        double at1024 = REGISTRY.cost(VariantSpec.parse("softmax"), new AttentionShape(1, 1, 1024, 32, false, false)).flops();
        double at2048 = REGISTRY.cost(VariantSpec.parse("softmax"), new AttentionShape(1, 1, 2048, 32, false, false)).flops();
        assertEquals(4, at2048 / at1024, 1e-9);
    }

    @Test
    void aVariantThatDeclaresNothingHasUnknownCost() {
        AttentionShape shape = new AttentionShape(1, 2, 256, 32, false, true);
        AttentionCost cost = new UniformAttentionProvider().cost(VariantSpec.parse("uniform"), shape);
        assertFalse(cost.known());
        assertTrue(Double.isNaN(cost.flops()));
        assertTrue(REGISTRY.cost(VariantSpec.parse("linear"), shape).known());
    }
}
