package org.fmmbench.harness.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.fmmbench.harness.results.Calibration;
import org.fmmbench.harness.results.CpuClock;

/**
 * Times a fixed workload through the engine: 64 products of 384 x 384 matrices (the arithmetic of attention
 * and feed-forward layers) and elementwise passes over 4 Mi floats (the memory-bound part of a step). CPU time is
 * read on the {@link CpuClock} of the engine's thread count, as step times are: with one intra-op thread the
 * calling thread's clock (ns), otherwise the process's (10 ms ticks on Linux/JDK 17). Rounds take 0.1-0.3 s of CPU
 * (160-320 ms measured) so that even the process clock resolves a round to a few percent.
 */
public final class CalibrationWorkload {
    static final String DESCRIPTION = "64 x matmul 384x384 + 4 x (mul, add, tanh) over 4Mi float32, per round";
    private static final int WARMUP_ROUNDS = 1;
    private static final int ROUNDS = 7;
    private static final int MATRIX = 384;
    private static final int MATMULS = 64;
    private static final long VECTOR = 1L << 22;
    private static final int PASSES = 4;

    private final CpuClock clock;

    private CalibrationWorkload(CpuClock clock) {
        this.clock = clock;
    }

    /**
     * Measures the workload with {@code threads} intra-op threads. The thread count only takes effect when this
     * call is the first to load the engine (the CLI's case); the calibration records the count actually used.
     */
    public static Calibration measure(int threads) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        Engine.getInstance();
        int used = JniUtils.getNumThreads();
        return new CalibrationWorkload(CpuClock.forThreads(used)).run(used);
    }

    /**
     * The calibration of {@code runDir}: measured and written now, unless the run already has one and
     * {@code remeasure} is false (a resumed run keeps the calibration its first cells were measured with).
     */
    public static Calibration ensure(Path runDir, int threads, boolean remeasure, PrintStream out)
            throws IOException {
        Calibration existing = remeasure ? null : Calibration.read(runDir);
        if (existing != null) {
            return existing;
        }
        out.println("Calibrating: timing a fixed engine workload (" + DESCRIPTION + ")...");
        Calibration c = measure(threads);
        Files.createDirectories(runDir);
        c.write(runDir);
        out.printf(Locale.ROOT, "Calibration: %.1f ms CPU (%s clock), %.1f ms wall per round -> %s%n", c.cpuMs(),
                c.cpuClock(), c.wallMs(), runDir.resolve(Calibration.FILE_NAME));
        return c;
    }

    private Calibration run(int threads) {
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        double[] matmul = new double[ROUNDS];
        double[] elementwise = new double[ROUNDS];
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(MATRIX, MATRIX)).div(MATRIX);
            NDArray v = manager.randomUniform(-1f, 1f, new Shape(VECTOR));
            for (int r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
                long wall0 = System.nanoTime();
                long cpu0 = clock.nanos();
                try (NDManager round = manager.newSubManager()) {
                    NDArray m = a.duplicate();
                    m.attach(round);
                    for (int i = 0; i < MATMULS; i++) {
                        m = m.matMul(a);
                    }
                    m.toFloatArray(); // wait for the result, as a step waits for its loss
                    long cpu1 = clock.nanos();
                    NDArray x = v.duplicate();
                    x.attach(round);
                    for (int i = 0; i < PASSES; i++) {
                        x = x.mul(1.0001f).add(0.001f).tanh();
                    }
                    x.get(0).toFloatArray();
                    long cpu2 = clock.nanos();
                    if (r >= 0) {
                        matmul[r] = (cpu1 - cpu0) / 1e6;
                        elementwise[r] = (cpu2 - cpu1) / 1e6;
                        cpu[r] = (cpu2 - cpu0) / 1e6;
                        wall[r] = (System.nanoTime() - wall0) / 1e6;
                    }
                }
            }
        }
        Median median = new Median();
        return new Calibration(Calibration.SCHEMA_VERSION, DESCRIPTION, median.evaluate(cpu), median.evaluate(wall),
                median.evaluate(matmul), median.evaluate(elementwise), ROUNDS, threads, Instant.now().toString(),
                clock.label());
    }
}
