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
    void theChildsOutOfMemoryExitStatusIsOutOfMemory() {
        ChildOutcome o = died(ChildOutcome.EXIT_OUT_OF_MEMORY, "java.lang.OutOfMemoryError: Java heap space");
        assertEquals(CellStatus.OOM, o.status());
        assertTrue(o.detail("1m").contains("out of memory (exit code 4): java.lang.OutOfMemoryError"), o.detail("1m"));
    }

    @Test
    void aStderrLineMentioningMemoryDoesNotMakeAFailureAnOom() {
        assertEquals(CellStatus.FAILED, died(1, "[loader] WARN cache: out of memory pressure, evicting shards",
                "Exception in thread \"main\" java.lang.IllegalStateException: broken").status());
        assertEquals(CellStatus.FAILED, died(134, "terminate called after throwing an instance of 'std::bad_alloc'")
                .status(), "an abort is a crash unless the child says it ran out of memory");
    }

    @Test
    void slurmsMemoryLimitKillIsOutOfMemory() {
        // Slurm's cgroup limit kills with SIGKILL; its own line is shown, the exit status decides
        ChildOutcome o = died(137, "slurmstepd: error: Detected 1 oom_kill event in StepId=41.batch. Some of the step "
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
