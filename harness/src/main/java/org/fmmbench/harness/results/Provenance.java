package org.fmmbench.harness.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and with what a measurement ran: the one provenance record of the harness, in every results row, in every
 * scaling and model-step row ({@code RunOrigin}) and in {@code reference}'s refusal of a dirty tree.
 *
 * @param gitCommit commit of the fmmbench checkout, or {@code unknown} outside a git work tree
 * @param gitDirty whether that checkout had uncommitted changes ({@code null} if unknown)
 * @param cpuModel first {@code model name} of /proc/cpuinfo
 * @param djlVersion DJL's version; {@code pytorchVersion} the engine's, {@code null} if no engine was loaded
 */
public record Provenance(String gitCommit, Boolean gitDirty, String cpuModel, String jvmVersion, String djlVersion,
        String pytorchVersion) {

    /** Where the launcher says the checkout is; the working directory otherwise. */
    public static Path home() {
        String home = System.getProperty("fmmbench.home");
        return Path.of(home == null ? "." : home);
    }

    /** Probes everything but the engine version, which only the process that loaded the engine knows. */
    public static Provenance probe(String pytorchVersion) {
        String commit = git("rev-parse", "HEAD");
        String status = commit == null ? null : git("status", "--porcelain", "--untracked-files=no");
        return new Provenance(commit == null ? "unknown" : commit.trim(), status == null ? null : !status.isBlank(),
                probeCpuModel(), System.getProperty("java.vm.name") + " " + Runtime.version(), probeDjlVersion(),
                pytorchVersion);
    }

    private static String probeDjlVersion() {
        try {
            return ai.djl.engine.Engine.getDjlVersion();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String probeCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through to the JVM's view
        }
        return System.getProperty("os.arch");
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", home().toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
