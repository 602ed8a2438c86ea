package org.fmmbench.harness.scaling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.fmmbench.harness.bench.OperationCpuTime;
import org.fmmbench.harness.bench.WorkerThreads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two ceilings of the scaling roofline, through the engine the cells use: a large float32 matrix product
 * (compute) and an in-place add over arrays far larger than the caches (memory). The add updates an existing
 * array, so it measures bandwidth rather than the page faults of a fresh 64 MiB allocation (which ran at under
 * 1 GB/s here).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MachineCeilingBenchmark {
    static final int MATRIX = 1024;
    static final double PRODUCT_FLOPS = 2.0 * MATRIX * MATRIX * MATRIX;
    static final long STREAM_ELEMENTS = 16L << 20;
    /** x += y reads x and y and writes x. */
    static final double STREAM_BYTES = 3.0 * STREAM_ELEMENTS * 4;

    private NDManager manager;
    private NDArray a;
    private NDArray b;
    private NDArray x;
    private NDArray y;

    @Setup(Level.Trial)
    public void create() {
        WorkerThreads.prepare();
        manager = NDManager.newBaseManager();
        a = manager.randomNormal(new Shape(MATRIX, MATRIX));
        b = manager.randomNormal(new Shape(MATRIX, MATRIX));
        x = manager.zeros(new Shape(STREAM_ELEMENTS));
        y = manager.randomNormal(new Shape(STREAM_ELEMENTS));
    }

    @TearDown(Level.Trial)
    public void close() {
        manager.close();
    }

    @Benchmark
    public float product() {
        long cpu = OperationCpuTime.start();
        try (NDArray c = a.matMul(b)) {
            return c.getFloat(0, 0);
        } finally {
            OperationCpuTime.stop(cpu);
        }
    }

    @Benchmark
    public NDArray stream() {
        long cpu = OperationCpuTime.start();
        try {
            return x.addi(y);
        } finally {
            OperationCpuTime.stop(cpu);
        }
    }
}
