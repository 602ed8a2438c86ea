package org.fmmbench.harness.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionInputs;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantChecksTest {
    @TempDir
    Path dir;

    @Test
    void builtInVariantsPassEveryCheckTheyCanRun() {
        VariantChecks checks = new VariantChecks(VariantRegistry.load(), 32);
        for (String spec : List.of("softmax", "linear", "band:k=5", "fmm:k=5,kernels=elu+elu_flip")) {
            List<VariantChecks.Check> result = checks.run(VariantSpec.parse(spec));
            assertTrue(result.stream().noneMatch(c -> c.outcome() == VariantChecks.Outcome.FAIL), spec + ": " + result);
            assertEquals(4, result.stream().filter(c -> c.outcome() == VariantChecks.Outcome.PASS).count(),
                    spec + ": finite and causal/padding checks in both modes: " + result);
        }
    }

    @Test
    void aVariantThatLooksAtEveryPositionFailsTheCausalAndPaddingChecks() throws IOException {
        VariantRegistry registry = VariantRegistry.load(pluginLoader());
        List<VariantChecks.Check> result = new VariantChecks(registry, 32).run(VariantSpec.parse("leaky"));
        assertEquals(VariantChecks.Outcome.FAIL, outcome(result, "causal: no leak from future positions"), result.toString());
        assertEquals(VariantChecks.Outcome.FAIL, outcome(result, "non-causal: padded keys change nothing"),
                result.toString());
        assertEquals(VariantChecks.Outcome.PASS, outcome(result, "causal: outputs and gradients finite"));
        assertEquals(VariantChecks.Outcome.SKIP, outcome(result, "dense reference"), "skipped, never passed");
    }

    @Test
    void reproduceRefusesAFailingPlugInVariantBeforeWritingAnything() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader());
        StringWriter err = new StringWriter();
        Path out = dir.resolve("out");
        int code;
        try {
            code = FmmbenchCli.execute(new String[] {"reproduce", "--variants", "leaky", "--tasks", "listops",
                "--max-steps", "1", "--out", out.resolve("results").toString(), "--reports",
                out.resolve("reports").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("Variant leaky fails 2 check(s)"), err.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static VariantChecks.Outcome outcome(List<VariantChecks.Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().outcome();
    }

    /** A class loader that lists {@link LeakyProvider} as a plug-in, as a variant's own jar would. */
    private ClassLoader pluginLoader() throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(AttentionProvider.class.getName()), LeakyProvider.class.getName() + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    /** Plug-in stand-in whose output at every position is the mean of all values: it ignores causality and masks. */
    public static final class LeakyProvider implements AttentionProvider {
        @Override
        public String name() {
            return "leaky";
        }

        @Override
        public String summary() {
            return "mean of every value, whatever the mask or causality (planted bug)";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Attention create(VariantSpec spec, AttentionSettings settings) {
            return new Attention((byte) 1, spec, settings) {
                @Override
                protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                        PairList<String, Object> params) {
                    AttentionInputs in = AttentionInputs.unpack(inputs, settings);
                    NDArray mean = in.v().mean(new int[] {2}, true);
                    return new NDList(mean.add(in.q().mul(0f)));
                }
            };
        }
    }
}
