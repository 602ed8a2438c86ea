package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a Slurm client command ({@code sbatch}, {@code squeue}) to its end; tests put a recorder in its place. */
@FunctionalInterface
public interface CommandRunner {
    /** What the command printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    Result run(List<String> command) throws IOException, InterruptedException;

    /** Runs commands as processes of this machine. */
    static CommandRunner processes() {
        return command -> {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            // stderr on its own thread, so that neither pipe can fill up and block the other
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            return new Result(code, out, new String(err.join(), StandardCharsets.UTF_8));
        };
    }
}
