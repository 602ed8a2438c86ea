package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LmMetricsTest {
    @Test
    void aUniformDistributionHasPerplexityEqualToTheVocabularySize() {
        LmMetrics m = new LmMetrics();
        float[] nll = new float[1000];
        Arrays.fill(nll, (float) Math.log(256));
        m.add(nll);
        m.add(Arrays.copyOf(nll, 24));
        assertEquals(1024, m.tokens());
        assertEquals(256, m.perplexity(), 1e-3);
        assertEquals(8, m.bitsPerToken(), 1e-5);
    }

    @Test
    void perplexityIsTheExponentOfTheMeanNotTheMeanOfExponents() {
        LmMetrics m = new LmMetrics();
        m.add(new float[] {0f, 2f});
        assertEquals(Math.E, m.perplexity(), 1e-6);
    }

    @Test
    void rejectsNegativeOrNonFiniteValuesAndEmptyResults() {
        LmMetrics m = new LmMetrics();
        assertThrows(IllegalStateException.class, m::perplexity);
        assertThrows(IllegalArgumentException.class, () -> m.add(new float[] {-0.1f}));
        assertThrows(IllegalArgumentException.class, () -> m.add(new float[] {Float.NaN}));
    }
}
