package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    private final Workloads workloads = Workloads.load();

    @Test
    void eachTaskNameFindsTheOneWorkloadThatRunsIt() {
        assertInstanceOf(LanguageModellingWorkload.class, workloads.find("lm"));
        assertInstanceOf(CopyWorkload.class, workloads.find("copy"));
        for (String task : TaskRegistry.providers().keySet()) {
            assertInstanceOf(ClassificationWorkload.class, workloads.find(task), task);
        }
        assertTrue(workloads.tasks().containsAll(Set.of("lm", "copy", "listops", "pathfinder")), workloads.tasks()
                .toString());
    }

    @Test
    void anUnknownTaskIsRefusedWithTheKnownOnesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> workloads.find("cifar"));
        assertEquals("Unknown task 'cifar'. Known tasks: " + String.join(", ", workloads.tasks()) + ".",
                e.getMessage());
        assertTrue(e.getMessage().contains(" copy,") && e.getMessage().contains(" lm,"), e.getMessage());
    }

    @Test
    void classificationCoversOnlyTheTaskNamesItIsGiven() {
        Workloads onlyListOps = Workloads.load(Set.of("listops"));
        assertInstanceOf(ClassificationWorkload.class, onlyListOps.find("listops"));
        assertThrows(IllegalArgumentException.class, () -> onlyListOps.find("text"));
    }

    @Test
    void eachWorkloadNamesTheReportSectionThatScoresItsCells() {
        assertEquals(ReportSection.PERPLEXITY, workloads.find("lm").reportSection());
        assertEquals(ReportSection.COPY, workloads.find("copy").reportSection());
        assertEquals(ReportSection.SEPARATING, workloads.find("far-recall").reportSection());
        assertEquals(ReportSection.SEPARATING, workloads.find("near-recall").reportSection());
        assertEquals(ReportSection.ACCURACY, workloads.find("listops").reportSection());
        assertTrue(workloads.find("lm").evaluatesInWindows());
        assertFalse(workloads.find("copy").evaluatesInWindows() || workloads.find("listops").evaluatesInWindows());
    }

    @Test
    void aTaskNoWorkloadClaimsIsReportedAsClassification() {
        Workloads onlyListOps = Workloads.load(Set.of("listops"));
        assertInstanceOf(ClassificationWorkload.class, onlyListOps.findOrClassification("an-unloaded-plugin-task"));
        assertInstanceOf(LanguageModellingWorkload.class, onlyListOps.findOrClassification("lm"));
    }
}
