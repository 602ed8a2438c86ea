package org.fmmbench.harness.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.fmmbench.harness.results.CpuClock;

/**
 * CPU time of the benchmark thread inside its measured operations, added up for {@link OperationCpuProfiler}.
 * A benchmark method brackets its work with {@link #start()} and {@link #stop(long)}; the clock is the thread's
 * own ({@link CpuClock#THREAD}, ns resolution), so neither the per-invocation fixtures, JIT compilers, GC nor the
 * profilers' own work between iterations are counted.
 */
public final class OperationCpuTime {
    private static final AtomicLong NANOS = new AtomicLong();
    private static final AtomicLong OPERATIONS = new AtomicLong();

    private OperationCpuTime() {
    }

    /** The calling thread's CPU clock, in ns; pass it to {@link #stop(long)}. Negative if unsupported. */
    public static long start() {
        return CpuClock.THREAD.nanos();
    }

    /** Adds the calling thread's CPU time since {@code start} as one operation. */
    public static void stop(long start) {
        if (start >= 0) {
            NANOS.addAndGet(CpuClock.THREAD.nanos() - start);
            OPERATIONS.incrementAndGet();
        }
    }

    /** CPU ns and operations counted so far in this JVM. */
    static CpuTimeProfiler.Reading total() {
        return new CpuTimeProfiler.Reading(NANOS.get(), OPERATIONS.get());
    }
}
