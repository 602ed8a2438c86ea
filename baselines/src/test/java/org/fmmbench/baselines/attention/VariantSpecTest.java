package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantSpecTest {
    @Test
    void parsesANameAloneAndNameWithParametersInOrder() {
        assertEquals(VariantSpec.of("softmax", Map.of()), VariantSpec.parse("softmax"));
        VariantSpec spec = VariantSpec.parse(" fmm:k=5, kernels=elu+elu_flip ,blend=per_head ");
        assertEquals("fmm", spec.name());
        assertEquals(List.of("k", "kernels", "blend"), List.copyOf(spec.params().keySet()));
        assertEquals("elu+elu_flip", spec.params().get("kernels"));
        assertEquals("fmm:k=5,kernels=elu+elu_flip,blend=per_head", spec.toString());
        assertEquals(spec, VariantSpec.parse(spec.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';Empty attention variant spec",
        "Band:k=5;Bad variant name 'Band'",
        "band:;has a ':' but no parameters",
        "band:k;Bad parameter 'k'",
        "band:=5;Bad parameter '=5'",
        "band:K=5;Bad parameter name 'K'",
        "band:k=5,k=6;Parameter 'k' given twice"})
    void malformedSpecsAreRejectedWithTheReason(String text, String reason) {
        String message = assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse(text)).getMessage();
        assertTrue(message.contains(reason), message);
    }

    @Test
    void parseListKeepsParametersWithTheirVariant() {
        List<VariantSpec> specs = VariantSpec.parseList("softmax, fmm:k=5,kernels=elu,blend=mix, band:k=20,linear");
        assertEquals(List.of("softmax", "fmm:k=5,kernels=elu,blend=mix", "band:k=20", "linear"),
                specs.stream().map(VariantSpec::toString).toList());
    }

    @Test
    void parseListRejectsAParameterBeforeAnyVariant() {
        String message = assertThrows(IllegalArgumentException.class, () -> VariantSpec.parseList("k=5,band"))
                .getMessage();
        assertTrue(message.contains("belongs to no variant"), message);
    }
}
