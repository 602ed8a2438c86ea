package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    @TempDir
    Path dir;

    @Test
    void aCalibrationWrittenAndReadBackKeepsItsClock() throws IOException {
        for (CpuClock clock : CpuClock.values()) {
            Path run = Files.createDirectories(dir.resolve(clock.label()));
            Calibration written = new Calibration(Calibration.SCHEMA_VERSION, "w", 12.5, 20, 5, 7.5, 7, 1,
                    "2026-12-05T00:00:00Z", clock.label());
            written.write(run);
            Calibration read = Calibration.read(run);
            assertEquals(written, read);
            assertEquals(clock, read.clock());
            assertTrue(Files.readString(run.resolve(Calibration.FILE_NAME))
                    .contains("\"cpu_clock\" : \"" + clock.label() + "\""));
        }
    }

    @Test
    void aCalibrationWrittenBeforeTheClockWasRecordedReadsAsTheProcessClock() throws IOException {
        // the committed references' files have no cpu_clock: they were read on the process clock's 10 ms ticks
        Files.writeString(dir.resolve(Calibration.FILE_NAME), """
                {
                  "schema_version" : 1,
                  "workload" : "64 x matmul 384x384 + 4 x (mul, add, tanh) over 4Mi float32, per round",
                  "cpu_ms" : 320.0,
                  "wall_ms" : 1052.491802,
                  "matmul_cpu_ms" : 120.0,
                  "elementwise_cpu_ms" : 200.0,
                  "rounds" : 7,
                  "threads" : 1,
                  "measured_at" : "2026-12-05T09:23:51.167097595Z"
                }
                """);
        Calibration old = Calibration.read(dir);
        assertEquals(CpuClock.PROCESS, old.clock());
        assertEquals("process", old.cpuClock());
        assertEquals(120.0, old.matmulCpuMs());
    }

    @Test
    void anUnknownClockIsRefusedNamingIt() throws IOException {
        new Calibration(Calibration.SCHEMA_VERSION, "w", 12.5, 20, 5, 7.5, 7, 1, "2026-12-05T00:00:00Z", "thread")
                .write(dir);
        Path file = dir.resolve(Calibration.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"thread\"", "\"sundial\""));
        IOException e = assertThrows(IOException.class, () -> Calibration.read(dir));
        assertTrue(e.getMessage().contains("sundial") && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
