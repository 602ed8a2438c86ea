package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmmbench checkpoint}: a checkpoint's step, best validation and parameter summaries, read back as written. */
class CheckpointSummaryTest {
    @TempDir
    Path dir;

    private Path checkpoint(TrainingLoop.Validation best, Map<String, float[]> bestParameters) throws Exception {
        Map<String, float[]> parameters = new LinkedHashMap<>();
        parameters.put("01embedding_weight", new float[] {0.5f, -0.5f});
        parameters.put("03layer0_02attention_near_weight", new float[] {0f, 0.25f, 0.5f, -0.25f});
        parameters.put("03layer0_02attention_far_weight", new float[] {1f, 1f, 1.5f, 0.5f});
        Path file = dir.resolve("checkpoint.bin");
        new CellCheckpoint("hash1", 377, 10L, 2L, 1L, best == null ? 0 : 300, best,
                List.of(new CurvePoint(1, 2.5, Double.NaN, 1e-4, 3)), new long[] {5}, new long[] {4}, parameters,
                Map.of("m", new float[] {0f}), bestParameters).write(file);
        return file;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void summarisesTheLastStepsParametersWhoseNamesMatchInTheModelsOrder() throws Exception {
        Path file = checkpoint(new TrainingLoop.Validation(-15.33, Double.NaN, 2.73, 15.33),
                Map.of("03layer0_02attention_near_weight", new float[] {0.125f}));

        CheckpointSummary s = CheckpointSummary.read(file, n -> n.contains("_weight"), false);
        assertEquals(377, s.completedSteps());
        assertEquals(300, s.bestStep());
        assertEquals(15.33, s.bestPerplexity());
        assertEquals(List.of("01embedding_weight", "03layer0_02attention_near_weight",
                "03layer0_02attention_far_weight"), s.parameters().stream().map(p -> p.name()).toList());
        CheckpointSummary.ParameterStats near = s.parameters().get(1);
        assertEquals(4, near.size());
        assertEquals(0.125, near.mean(), 1e-12);
        assertEquals(-0.25, near.min());
        assertEquals(0.5, near.max());

        String out = run("checkpoint", dir.toString(), "--params", "(near|far)_weight");
        assertTrue(out.contains("checkpoint after step 377, config hash hash1"), out);
        assertTrue(out.contains("best validation at step 300: perplexity 15.3300"), out);
        assertTrue(out.contains("parameter,size,mean,min,max\n03layer0_02attention_near_weight,4,0.125000,-0.250000,"
                + "0.500000\n03layer0_02attention_far_weight,4,1.000000,0.500000,1.500000\n"), out);
        assertFalse(out.contains("embedding"), "only the names that match: " + out);
    }

    @Test
    void bestReadsTheBestValidationsParameters() throws Exception {
        Path file = checkpoint(new TrainingLoop.Validation(0.6, 0.6, 1.1, Double.NaN),
                Map.of("03layer0_02attention_near_weight", new float[] {0.125f, 0.375f}));

        String out = run("checkpoint", file.toString(), "--best");
        assertTrue(out.contains("best validation at step 300: accuracy 0.6000"), out);
        assertTrue(out.contains("parameters of the best validation:\nparameter,size,mean,min,max\n"
                + "03layer0_02attention_near_weight,2,0.250000,0.125000,0.375000\n"), out);
    }

    @Test
    void bestBeforeTheFirstValidationIsRefusedWithTheFix() throws Exception {
        Path file = checkpoint(null, null);
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(new String[] {"checkpoint", file.toString(), "--best"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("holds no best parameters yet: leave out --best."), err.toString());
        assertTrue(run("checkpoint", file.toString()).contains("no validation yet"));
    }
}
