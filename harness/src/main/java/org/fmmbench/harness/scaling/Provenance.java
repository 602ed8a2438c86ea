package org.fmmbench.harness.scaling;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/** Where and how a scaling row was measured; written into every row so that resumed runs keep their origin. */
public record Provenance(String runId, String startedAt, String gitCommit, String gitDirty, String cpuModel,
        String jvm, String djlVersion, String pytorchVersion, String jmhSettings) {

    /** Captures the current machine, checkout and engine; loads the PyTorch engine to learn its version. */
    public static Provenance capture(String runId, JmhSettings settings) {
        String commit = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        String dirty = commit.equals("unknown") ? "unknown" : Boolean.toString(!status.isEmpty());
        return new Provenance(runId, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), commit, dirty,
                machineCpu(), System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Engine.getDjlVersion(), Engine.getEngine("PyTorch").getVersion(), settings.describe());
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String machineCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " x" + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException e) {
            // fall through: not Linux
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }
}
