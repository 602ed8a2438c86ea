package org.fmmbench.examples.dilated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in path as a user takes it: the harness's own class path (which does not hold this module) plus the
 * plug-in jar, as {@code ./fmmbench} builds it from {@code FMMBENCH_CLASSPATH}, in a fresh JVM. {@code reproduce}
 * then trains the cell in a child JVM of its own, which must find the variant through the inherited class path.
 */
class PluginEndToEndTest {
    private static final String SPEC = "dilated-band:k=3,dilation=2";

    @TempDir
    Path dir;

    @Test
    void harnessWithoutThePluginJarDoesNotKnowTheVariant() throws Exception {
        Run variants = fmmbench(harnessClasspath(), "variants");
        assertEquals(0, variants.code, variants.output);
        assertTrue(variants.output.contains("band - "), variants.output);
        assertFalse(variants.output.contains("dilated-band"), variants.output);

        Run reproduce = fmmbench(harnessClasspath(), "reproduce", "--tasks", "listops", "--variants", SPEC,
                "--out", dir.resolve("results").toString(), "--reports", dir.resolve("reports").toString());
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, reproduce.code, reproduce.output);
        assertTrue(reproduce.output.contains("Unknown attention variant 'dilated-band'"), reproduce.output);
    }

    @Test
    void reproduceTrainsThePluginVariantInAChildJvmAndTheCsvNamesIt() throws Exception {
        String classpath = harnessClasspath() + File.pathSeparator + pluginJar();
        Run variants = fmmbench(classpath, "variants");
        assertTrue(variants.output.contains("dilated-band - "), variants.output);

        Run run = fmmbench(classpath, "reproduce", "--profile", "smoke", "--tasks", "listops", "--variants", SPEC,
                "--max-steps", "2", "--threads", "1", "--run-id", "plugin", "--out", dir.resolve("results").toString(),
                "--reports", dir.resolve("reports").toString(), "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, run.code, run.output);
        List<CellResult> results = ResultsCsv.read(dir.resolve("results/plugin/results.csv"));
        assertEquals(1, results.size(), results.toString());
        CellResult cell = results.get(0);
        assertEquals(SPEC, cell.identity().variant());
        assertEquals(CellStatus.OK, cell.status(), cell.statusDetail());
        assertEquals(2, cell.metrics().steps());
        assertNotNull(cell.metrics().stepMsMedian());
        assertNotNull(cell.metrics().testAccBest());
    }

    private static String harnessClasspath() throws IOException {
        return Files.readString(Path.of(property("fmmbench.harnessClasspath"))).strip();
    }

    private static String pluginJar() {
        Path jar = Path.of(property("fmmbench.pluginJar"));
        assertTrue(Files.isRegularFile(jar), jar + " was not built before the tests");
        return jar.toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, name + " is set by this module's surefire configuration; run the test through Maven");
        return value;
    }

    private Run fmmbench(String classpath, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", classpath, FmmbenchCli.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "fmmbench", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("fmmbench " + String.join(" ", args) + " did not finish in 5 minutes:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Run(int code, String output) {
    }
}
