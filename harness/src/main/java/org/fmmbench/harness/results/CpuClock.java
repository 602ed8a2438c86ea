package org.fmmbench.harness.results;

import ai.djl.pytorch.jni.JniUtils;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU clock of per-step times ({@code step_cpu_ms_median}) and of the calibration workload. The process clock
 * ({@code getProcessCpuTime}) is {@code times()} on Linux with JDK 17 and moves in 10 ms ticks, too coarse for the
 * 10-50 ms steps of small cells. With one intra-op thread PyTorch runs forward, autograd's backward and the
 * optimiser on the calling thread, so that thread's own clock ({@code CLOCK_THREAD_CPUTIME_ID}, ns) sees the whole
 * engine work of a step; measured, the only other threads that ran during training steps were the JVM's JIT
 * compilers and GC (docs/measurements/cpu-clock). With more intra-op threads the pool's native threads do part of
 * the work and only the process clock sees them, so it stays the clock there. Readings of the thread clock are
 * differences on one thread: start and stop on the thread that runs the step.
 */
public enum CpuClock {
    /** The calling thread's CPU time, ns resolution: for an engine with one intra-op thread. */
    THREAD("thread"),
    /** The whole process's CPU time (every thread, JIT and GC included), 10 ms ticks on Linux/JDK 17. */
    PROCESS("process");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final String label;

    CpuClock(String label) {
        this.label = label;
    }

    /** The clock that sees all the engine's work when it runs {@code intraOpThreads} intra-op threads. */
    public static CpuClock forThreads(int intraOpThreads) {
        return intraOpThreads == 1 && THREADS.isCurrentThreadCpuTimeSupported() ? THREAD : PROCESS;
    }

    /** The clock for the loaded PyTorch engine's intra-op thread count (loads the engine if it is not yet). */
    public static CpuClock ofEngine() {
        return forThreads(JniUtils.getNumThreads());
    }

    /** The clock a {@code calibration.json} names; a file without one (written before the field) used the process's. */
    public static CpuClock ofLabel(String label) {
        if (label == null || label.equals(PROCESS.label)) {
            return PROCESS;
        }
        if (label.equals(THREAD.label)) {
            return THREAD;
        }
        throw new IllegalArgumentException("Unknown CPU clock '" + label + "': expected thread or process.");
    }

    /** CPU time in ns on this clock; only differences mean anything. */
    public long nanos() {
        return this == THREAD ? THREADS.getCurrentThreadCpuTime() : OS.getProcessCpuTime();
    }

    public String label() {
        return label;
    }
}
