package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LmConfigTest {
    @Test
    void paperPresetIsTheOfficialWikiText103Model() {
        LmConfig c = LmConfig.paper(267_735, "softmax");
        assertEquals(16, c.layers());
        assertEquals(128, c.modelDim());
        assertEquals(8, c.heads());
        assertEquals(16, c.headDim());
        assertEquals(2048, c.ffDim());
        assertEquals(0.1f, c.dropout());
        assertEquals(256, c.context());
        assertArrayEquals(new int[] {20_000, 40_000, 200_000}, c.cutoffs());
    }

    @Test
    void thePapersWindowPositionsAreTheDefaultAndStreamPositionsAreAnOption() {
        assertEquals(PositionScheme.WINDOW, LmConfig.paper(256, "softmax").positions());
        LmConfig stream = LmConfig.tiny(100, "linear").withPositions(PositionScheme.STREAM);
        assertEquals(PositionScheme.STREAM, stream.withContext(64).withLayers(3).positions());
        assertEquals(PositionScheme.STREAM, PositionScheme.bySpecName("stream"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PositionScheme.bySpecName("absolute"));
        assertTrue(e.getMessage().contains("'absolute'") && e.getMessage().contains("window or stream"),
                e.getMessage());
    }

    @Test
    void aByteVocabularyGetsAPlainSoftmax() {
        assertArrayEquals(new int[0], LmConfig.paper(256, "softmax").cutoffs());
        assertArrayEquals(new int[] {20_000}, LmConfig.paper(33_278, "softmax").cutoffs());
    }

    @Test
    void impossibleSettingsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LmConfig.tiny(100, "softmax").withCutoffs(50, 40));
        assertTrue(e.getMessage().contains("cutoffs"));
        assertThrows(IllegalArgumentException.class, () -> LmConfig.tiny(100, "softmax").withCutoffs(100));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LmConfig.tiny(100, "softmax")
                .withDropout(1f)).getMessage().contains("dropout"));
        assertThrows(IllegalArgumentException.class, () -> LmConfig.tiny(100, " "));
    }
}
