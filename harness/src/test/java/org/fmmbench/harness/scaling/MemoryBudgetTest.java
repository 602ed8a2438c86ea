package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void sizesAndSharesOfPhysicalMemoryAreAccepted() {
        assertEquals(12L << 30, MemoryBudget.parse("12GiB").bytes());
        assertEquals(512L << 20, MemoryBudget.parse("512m").bytes());
        assertEquals(3L << 29, MemoryBudget.parse("1.5G").bytes());
        assertEquals(4096, MemoryBudget.parse("4096").bytes());
        assertEquals((long) (0.75 * MemoryBudget.physicalBytes()), MemoryBudget.parse("75%").bytes(), 1.0);
    }

    @Test
    void malformedBudgetNamesTheFormsThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("lots"));
        assertTrue(e.getMessage().contains("'lots'") && e.getMessage().contains("75%"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("150%"));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("0GiB"));
    }
}
