package org.fmmbench.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fmmbench.harness.results.Provenance;

/**
 * Runs a cell as {@code java ... <main> train --plan <plan> --cell <i> --child} (or prepares its data with
 * {@code --prepare-data} instead of {@code --child}) with this JVM's class path, offline DJL, headless AWT and the
 * cell's thread count. {@code FMMBENCH_CHILD_JVM_OPTS} adds JVM
 * options (e.g. {@code -Xmx8g}).
 */
public final class JvmChildCommand implements MatrixRunner.ChildCommand {
    private final String mainClass;
    private final List<String> trainOptions;

    public JvmChildCommand(String mainClass) {
        this(mainClass, List.of());
    }

    /** Children that train with {@code trainOptions} added to their {@code train} command line. */
    public JvmChildCommand(String mainClass, List<String> trainOptions) {
        this.mainClass = mainClass;
        this.trainOptions = List.copyOf(trainOptions);
    }

    @Override
    public List<String> command(Path planFile, PlannedCell cell) {
        List<String> cmd = train(planFile, cell);
        cmd.add("--child");
        cmd.addAll(trainOptions);
        return cmd;
    }

    @Override
    public List<String> prepareCommand(Path planFile, PlannedCell cell) {
        List<String> cmd = train(planFile, cell);
        cmd.add("--prepare-data");
        return cmd;
    }

    private List<String> train(Path planFile, PlannedCell cell) {
        List<String> cmd = jvm(Integer.toString(cell.config().threads()));
        cmd.addAll(List.of("train", "--plan", planFile.toString(), "--cell", Integer.toString(cell.index())));
        return cmd;
    }

    /**
     * The JVM and its options up to the main class, with {@code threads} intra-op threads (a number, or a shell
     * variable in a batch script); the fmmbench command and its arguments follow.
     */
    public List<String> jvm(String threads) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfmmbench.home=" + Provenance.home().toAbsolutePath().normalize());
        cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
        String extra = System.getenv("FMMBENCH_CHILD_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return cmd;
    }
}
