package org.fmmbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

class ProcessCpuProfilerTest {

    @Test
    void cpuTimeIsDividedByTheIterationsOperations() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessCpuProfiler profiler = new ProcessCpuProfiler();
        profiler.beforeIteration(null, null);
        long start = threads.getCurrentThreadCpuTime();
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < 400_000_000L) { // 400 ms of this thread's CPU
            sink += Math.sqrt(sink + 1);
        }
        Collection<? extends Result> results = profiler.afterIteration(null, null,
                new IterationResult(null, null, new IterationResultMetaData(4, 4)));
        double msPerOp = results.iterator().next().getScore();
        // At least this thread's 400 ms over 4 operations; other JVM threads can only add.
        assertTrue(msPerOp >= 99 && sink > 0, "cpu ms/op " + msPerOp);
    }
}
