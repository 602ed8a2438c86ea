package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

class OperationCpuProfilerTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void onlyTheCpuInsideTheBracketedOperationsIsCountedPerOperation() {
        OperationCpuProfiler profiler = new OperationCpuProfiler();
        profiler.beforeIteration(null, null);
        double sink = spin(300, 0); // fixture work between operations: not counted
        for (int op = 0; op < 2; op++) {
            long cpu = OperationCpuTime.start();
            sink = spin(100, sink);
            OperationCpuTime.stop(cpu);
        }
        Collection<? extends Result> results = profiler.afterIteration(null, null,
                new IterationResult(null, null, new IterationResultMetaData(2, 2)));
        double msPerOp = results.iterator().next().getScore();
        assertTrue(msPerOp >= 99 && msPerOp < 150 && sink > 0, "cpu ms/op " + msPerOp);
    }

    @Test
    void anIterationWithoutBracketedOperationsReportsNothing() {
        OperationCpuProfiler profiler = new OperationCpuProfiler();
        profiler.beforeIteration(null, null);
        assertEquals(0, profiler.afterIteration(null, null,
                new IterationResult(null, null, new IterationResultMetaData(1, 1))).size());
    }

    /** Burns {@code ms} of this thread's CPU. */
    private static double spin(long ms, double sink) {
        long start = THREADS.getCurrentThreadCpuTime();
        while (THREADS.getCurrentThreadCpuTime() - start < ms * 1_000_000L) {
            sink += Math.sqrt(sink + 1);
        }
        return sink;
    }
}
