package org.fmmbench.harness.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code calibration.json} of a run directory: the time of a fixed engine workload (a matrix product and an
 * elementwise pass), measured at the start of {@code reproduce} and {@code scaling}. Dividing a cell's time by it
 * cancels the speed of the machine without dividing by another variant, so a change that slows every variant
 * alike (the training loop, the engine) stays visible in {@code compare}.
 *
 * @param cpuMs CPU time of one round of the workload on {@code cpuClock}, median over {@code rounds} rounds
 * @param wallMs wall-clock time of one round, median over the rounds
 * @param matmulCpuMs CPU time of the matrix-product part of a round (median)
 * @param elementwiseCpuMs CPU time of the elementwise part of a round (median)
 * @param threads intra-op threads of the engine while it was measured
 * @param cpuClock the {@link CpuClock} of the CPU times, {@code thread} or {@code process}; files written before the
 *     field existed have none and were measured on the process clock (10 ms ticks), so they read as {@code process}
 */
public record Calibration(int schemaVersion, String workload, double cpuMs, double wallMs, double matmulCpuMs,
        double elementwiseCpuMs, int rounds, int threads, String measuredAt, String cpuClock) {
    public static final String FILE_NAME = "calibration.json";
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = ResultsCsv.json();

    public Calibration {
        cpuClock = CpuClock.ofLabel(cpuClock).label();
    }

    /** The clock the CPU times were read on. */
    public CpuClock clock() {
        return CpuClock.ofLabel(cpuClock);
    }

    public void write(Path runDir) throws IOException {
        AtomicFiles.writeString(runDir.resolve(FILE_NAME),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    }

    /** The calibration of {@code runDir}, or {@code null} when the run has none (runs before it existed). */
    public static Calibration read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Calibration c;
        try {
            c = JSON.readValue(file.toFile(), Calibration.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IOException(file + " is not a calibration this fmmbench reads: "
                    + e.getCause().getMessage(), e);
        }
        if (c.schemaVersion() > SCHEMA_VERSION || !(c.cpuMs() > 0) || !(c.wallMs() > 0)) {
            throw new IOException(file + " is not a calibration this fmmbench reads (schema " + c.schemaVersion()
                    + ", cpu_ms " + c.cpuMs() + ", wall_ms " + c.wallMs() + ").");
        }
        return c;
    }
}
