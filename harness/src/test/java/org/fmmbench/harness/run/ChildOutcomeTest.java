package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fmmbench.harness.results.CellStatus;
import org.junit.jupiter.api.Test;

class ChildOutcomeTest {
    private static ChildOutcome died(int exit, String... stderr) {
        return new ChildOutcome(exit, false, List.of(stderr), 100.0, 1.0);
    }

    @Test
    void nativeAllocationFailureInStderrIsOutOfMemory() {
        ChildOutcome o = died(134, "terminate called after throwing an instance of 'std::bad_alloc'",
                "  what():  std::bad_alloc");
        assertEquals(CellStatus.OOM, o.status());
        assertTrue(o.detail("1m").contains("bad_alloc"));
    }

    @Test
    void libtorchAllocatorMessageIsOutOfMemory() {
        assertEquals(CellStatus.OOM, died(1, "ai.djl.engine.EngineException: [enforce fail at alloc_cpu.cpp:117] "
                + "data. DefaultCPUAllocator: can't allocate memory: you tried to allocate 68719476736 bytes.")
                .status());
    }

    @Test
    void slurmsMemoryLimitKillIsOutOfMemory() {
        ChildOutcome o = died(1, "slurmstepd: error: Detected 1 oom_kill event in StepId=41.batch. Some of the step "
                + "tasks have been OOM Killed.");
        assertEquals(CellStatus.OOM, o.status());
        assertTrue(o.detail("1m").contains("oom_kill event"));
    }

    @Test
    void sigkillIsOutOfMemoryEvenWithoutAMessage() {
        ChildOutcome o = died(137);
        assertEquals(CellStatus.OOM, o.status());
        assertTrue(o.detail("1m").contains("signal 9"));
    }

    @Test
    void timeoutWinsOverTheKillThatEndedIt() {
        ChildOutcome o = new ChildOutcome(137, true, List.of(), null, 60.0);
        assertEquals(CellStatus.TIMEOUT, o.status());
        assertEquals("no result after 1m; stopped", o.detail("1m"));
    }

    @Test
    void otherDeathsAreFailuresNamingTheFirstErrorLine() {
        ChildOutcome o = died(1, "[main] INFO ai.djl.util.Platform - Found matching platform",
                "Exception in thread \"main\" java.lang.NoClassDefFoundError: ai/djl/engine/Engine",
                "\tat org.fmmbench.Main.main(Main.java:3)",
                "Caused by: java.lang.ClassNotFoundException: ai.djl.engine.Engine");
        assertEquals(CellStatus.FAILED, o.status());
        assertEquals("exit code 1: Exception in thread \"main\" java.lang.NoClassDefFoundError: "
                + "ai/djl/engine/Engine", o.detail("1m"));
        assertEquals("exit code 3 with no error message", died(3).detail("1m"));
    }

    @Test
    void progressLinesRoundTripAndOtherLinesAreIgnored() {
        ProgressEvent e = new ProgressEvent(12, 30, 2.25, 1500, Double.NaN);
        ProgressEvent back = ProgressEvent.parse(e.toLine()).orElseThrow();
        assertEquals(12, back.step());
        assertEquals(30, back.totalSteps());
        assertEquals(2.25, back.loss());
        assertEquals(1500, back.elapsedMs());
        assertTrue(Double.isNaN(back.valAccuracy()));
        assertTrue(ProgressEvent.parse("[main] INFO step 12").isEmpty());
        assertTrue(ProgressEvent.parse(ProgressEvent.PREFIX + "garbage").isEmpty());
    }
}
