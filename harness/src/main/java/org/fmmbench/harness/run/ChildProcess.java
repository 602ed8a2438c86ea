package org.fmmbench.harness.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.fmmbench.harness.train.Checkpointing;
import org.fmmbench.harness.results.MemoryProbe;

/**
 * Runs one command (a cell's child JVM) to completion or timeout. Its stdout is scanned for
 * {@link ProgressEvent} lines and otherwise kept in {@code stdout.log}; stderr goes to {@code stderr.log};
 * both live in the cell directory. While it runs, its peak resident set is sampled from /proc, so a child
 * that dies still has a memory figure.
 */
public final class ChildProcess {
    public static final String STDOUT_LOG = "stdout.log";
    public static final String STDERR_LOG = "stderr.log";
    private static final int TAIL_LINES = 200;
    private static final long SAMPLE_MS = 250;

    private ChildProcess() {
    }

    public static ChildOutcome run(List<String> command, Map<String, String> env, Path cellDir, Duration timeout,
            Consumer<ProgressEvent> progress) throws IOException, InterruptedException {
        Files.createDirectories(cellDir);
        Path stderrLog = cellDir.resolve(STDERR_LOG);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderrLog.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process process = pb.start();
        // Ctrl-C or a kill of this JVM must not leave the cell training on as an orphan; it gets the time to write
        // a checkpoint first (a scheduler's preemption signals this JVM and the cell alike).
        Thread reaper = new Thread(() -> {
            try {
                stop(process);
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "cell-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
        double[] peak = {Double.NaN};
        Thread pump = new Thread(() -> pumpStdout(process, cellDir.resolve(STDOUT_LOG), progress),
                "cell-stdout-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        boolean finished = false;
        long deadline = start + timeout.toNanos();
        try {
            while (!finished) {
                sample(process.pid(), peak);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                finished = process.waitFor(Math.min(SAMPLE_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1),
                        TimeUnit.MILLISECONDS);
            }
        } finally {
            if (!finished) {
                stop(process);
            }
            removeHook(reaper);
        }
        pump.join(5_000);
        double wall = (System.nanoTime() - start) / 1e9;
        return new ChildOutcome(process.exitValue(), !finished, tail(stderrLog),
                Double.isNaN(peak[0]) ? null : peak[0], wall);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and stops the child
        }
    }

    private static void sample(long pid, double[] peak) {
        Double now = MemoryProbe.peakMib(pid);
        if (now != null && (Double.isNaN(peak[0]) || now > peak[0])) {
            peak[0] = now;
        }
    }

    /**
     * Asks politely (SIGTERM), then kills; also anything the child started. The child may take the time it needs to
     * finish its step and write a checkpoint ({@link Checkpointing#STOP_GRACE_SECONDS}).
     */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(Checkpointing.STOP_GRACE_SECONDS + 5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static void pumpStdout(Process process, Path log, Consumer<ProgressEvent> progress) {
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                var event = ProgressEvent.parse(line);
                if (event.isPresent()) {
                    progress.accept(event.get());
                } else {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the child's stdout closed under us: it is gone, and its exit code tells the rest
        }
    }

    static List<String> tail(Path file) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                last.addLast(line);
                if (last.size() > TAIL_LINES) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(last);
    }
}
