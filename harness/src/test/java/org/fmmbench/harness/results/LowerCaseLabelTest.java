package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fmmbench.harness.scaling.BenchMode;
import org.fmmbench.harness.scaling.RowStatus;
import org.junit.jupiter.api.Test;

class LowerCaseLabelTest {
    @Test
    void aLabelIsTheNameInLowerCaseWithHyphensAndParsesBackInAnyCase() {
        assertEquals("skipped-oom", RowStatus.SKIPPED_OOM.label());
        assertEquals(RowStatus.SKIPPED_OOM, RowStatus.parse("skipped-oom"));
        assertEquals(BenchMode.FWDBWD, BenchMode.parse(" FwdBwd "));
    }

    @Test
    void anUnknownLabelIsRefusedWithTheMessageNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchMode.parse("back"));
        assertEquals("Unknown mode 'back': use fwd, fwdbwd or both (fwd,fwdbwd).", e.getMessage());
    }
}
