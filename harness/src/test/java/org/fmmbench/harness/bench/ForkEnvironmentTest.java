package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkEnvironmentTest {
    @Test
    void forksStartWithTheThreadCountAndTheMallocTunablesUnlessTheUserSetTheirOwn() {
        List<String> expected = new ArrayList<>(List.of("env", "OMP_NUM_THREADS=3"));
        if (System.getenv("GLIBC_TUNABLES") == null) {
            expected.add("GLIBC_TUNABLES=" + MallocTunables.VALUE);
        }
        assertEquals(expected, new ForkEnvironment("3").addJVMInvokeOptions(null));
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ForkEnvironment("0"));
        assertThrows(IllegalArgumentException.class, () -> new ForkEnvironment("two"));
    }
}
