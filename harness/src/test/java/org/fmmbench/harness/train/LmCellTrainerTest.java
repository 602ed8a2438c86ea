package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.EngineCellTraining;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RegistryCellValidator;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmCellTrainerTest {
    private static final RunPlanner PLANNER = new RunPlanner(
            new RegistryCellValidator(VariantRegistry.load(), TaskRegistry.providers().keySet()), 1);

    @TempDir
    Path tmp;

    private static RunPlan plan(String profile, String variants, int maxSteps, Path dataDir, Path cache) {
        return PLANNER.plan(ProfileLoader.load(profile), new PlanRequest(List.of("lm"), variants, null, "cpu", 1,
                maxSteps, dataDir, cache, null, null));
    }

    @Test
    void smokeLmCellOnEuroparlBytesRecordsPerplexityAndBitsPerByteAndNoAccuracy() throws IOException {
        RunPlan plan = plan("smoke", "fmm:k=20,kernels=elu+elu_flip,blend=near_channel,kmix=fixed", 12, null,
                tmp.resolve("cache"));
        PlannedCell cell = plan.cell(0);
        assertEquals("europarl-bytes", cell.config().data().source());
        CellResult r = new CellRunner(new EngineCellTraining(null, tmp.resolve("cache")), e -> { })
                .run(plan, cell, tmp.resolve("run"));

        assertEquals(CellStatus.OK, r.status(), r.statusDetail());
        assertEquals("europarl-bytes", r.config().dataSource());
        assertNull(r.metrics().bestValAcc());
        assertNull(r.metrics().testAccBest());
        assertNull(r.metrics().testAccLast());
        assertEquals(12, r.metrics().steps());
        // A byte model that learned anything beats the uniform 256-way guess (8 bits per byte).
        assertTrue(r.metrics().valPpl() > 1 && r.metrics().valPpl() < 256, "val ppl " + r.metrics().valPpl());
        assertTrue(r.metrics().testPpl() > 1 && r.metrics().testPpl() < 256, "test ppl " + r.metrics().testPpl());
        assertEquals(Math.log(r.metrics().testPpl()) / Math.log(2), r.metrics().bitsPerToken(), 1e-9);
        List<CurvePoint> curve = CurveCsv.read(CellRunner.cellDir(tmp.resolve("run"), cell).resolve("curve.csv"));
        assertEquals(12, curve.size());
        // --max-steps 12 caps evalEvery at 12: one validation, at the last step, which is the best one
        assertEquals(r.metrics().valPpl(), curve.get(11).valPerplexity(), 1e-9);
        assertTrue(Double.isNaN(curve.get(10).valPerplexity()));
    }

    @Test
    void paperProfileLmCellTrainsOnWikiTextFilesWithThePapersModelAndStrideOneEvaluation() throws IOException {
        Path data = tmp.resolve("data");
        writeWikiText(data.resolve("wikitext-103"));
        RunPlan plan = plan("paper", "band:k=20", 2, data, tmp.resolve("cache"));
        CellConfig planned = plan.cell(0).config();
        assertEquals("wikitext-103", planned.data().source());
        assertEquals(256, planned.data().seqLength());
        assertEquals(16, planned.model().layers());
        assertEquals(128, planned.model().dim());
        assertEquals(2048, planned.model().mlpDim());
        assertEquals(8, planned.model().heads());
        TrainConfig t = planned.train();
        assertEquals(96, t.batchSize());
        assertEquals(2.5e-4, t.lr());
        assertEquals(0.25, t.gradClip());
        assertEquals(1, t.evalStride());
        assertEquals(2, t.steps());
        // The paper's batch of 96 x 256 tokens through 16 layers needs several GB per step; the test keeps
        // everything of the planned cell but the batch.
        TrainConfig small = new TrainConfig(2, t.steps(), t.warmupSteps(), t.lr(), t.weightDecay(), t.evalEvery(),
                t.evalBatches(), t.testBatches(), t.gradClip(), t.evalStride(), 0, t.evalMode());
        CellConfig cell = new CellConfig(planned.profile(), planned.task(), planned.row(), planned.variant(),
                planned.seed(), planned.threads(), planned.device(), planned.model(), small, planned.data());

        TrainResult r = new LmCellTrainer(data, tmp.resolve("cache")).train(cell, TrainingListener.NONE);

        assertEquals("wikitext-103-files", r.dataSource());
        assertEquals(2, r.steps());
        assertTrue(Double.isNaN(r.bestValAccuracy()));
        assertTrue(r.valPerplexity() > 1 && Double.isFinite(r.valPerplexity()), "val " + r.valPerplexity());
        assertTrue(r.testPerplexity() > 1 && Double.isFinite(r.testPerplexity()), "test " + r.testPerplexity());
        assertEquals(Math.log(r.testPerplexity()) / Math.log(2), r.bitsPerToken(), 1e-9);
    }

    @Test
    void microBatchesTrainLikeTheWholeBatch() {
        CellConfig smoke = plan("smoke", "fmm:k=5,kernels=elu,blend=near_channel", 4, null, tmp.resolve("cache"))
                .cell(0).config();
        ModelConfig m = smoke.model();
        ModelConfig noDropout = new ModelConfig(m.layers(), m.dim(), m.mlpDim(), m.heads(), 0f, 0f);
        TrainConfig t = smoke.train();
        List<Double> whole = losses(smoke, noDropout, t);
        List<Double> pairs = losses(smoke, noDropout, new TrainConfig(t.batchSize(), t.steps(), t.warmupSteps(),
                t.lr(), t.weightDecay(), t.evalEvery(), t.evalBatches(), t.testBatches(), t.gradClip(),
                t.evalStride(), 2));
        assertTrue(t.batchSize() > 2, "the smoke batch must split into several micro-batches");
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i), pairs.get(i), 1e-5, "step " + (i + 1));
        }
    }

    private List<Double> losses(CellConfig base, ModelConfig model, TrainConfig train) {
        CellConfig cell = new CellConfig(base.profile(), base.task(), base.row(), base.variant(), base.seed(),
                base.threads(), base.device(), model, train, base.data());
        List<Double> losses = new ArrayList<>();
        new LmCellTrainer(null, tmp.resolve("cache")).train(cell, new TrainingListener() {
            @Override
            public void onStep(int step, int steps, double loss, double lr, long elapsedMs) {
                losses.add(loss);
            }

            @Override
            public void onEvaluation(int step, double valAccuracy, double valLoss) {
            }
        });
        return losses;
    }

    @Test
    void missingWikiTextIsMissingDataSoTheCellIsSkippedWithTheRecipe() throws IOException {
        RunPlan plan = plan("paper", "softmax", 1, tmp, tmp.resolve("cache"));
        CellResult r = new CellRunner(new EngineCellTraining(tmp, tmp.resolve("cache")), e -> { })
                .run(plan, plan.cell(0), tmp.resolve("run"));
        assertEquals(CellStatus.SKIPPED, r.status());
        assertTrue(r.statusDetail().contains("wiki.train.tokens"), r.statusDetail());
    }

    @Test
    void unknownCorpusIsRefusedWhenPlanning() {
        CellConfig smoke = plan("smoke", "softmax", 1, null, null).cell(0).config();
        CellConfig typo = new CellConfig(smoke.profile(), smoke.task(), smoke.row(), smoke.variant(), 0, 1, "cpu",
                smoke.model(), smoke.train(), new org.fmmbench.harness.config.DataConfig("wikitext-130", 64, 0, 0,
                        0, "pad"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegistryCellValidator(VariantRegistry.load(), TaskRegistry.providers().keySet())
                        .validate(typo));
        assertTrue(e.getMessage().contains("wikitext-130") && e.getMessage().contains("wikitext-103"),
                e.getMessage());
    }

    @Test
    void statefulAndWindowedEvaluationAgreeWhenTheWindowCoversTheScoredStreams() throws IOException {
        // valid and test capped at context + 1 tokens: one window covers each stream
        CellResult windowed = runLmCell("linear", "stream", "windowed", 65);
        CellResult stateful = runLmCell("linear", "stream", "stateful", 65);
        assertEquals(CellStatus.OK, stateful.status(), stateful.statusDetail());
        assertEquals("", stateful.statusDetail());
        assertEquals(windowed.metrics().valPpl(), stateful.metrics().valPpl(), 1e-4 * windowed.metrics().valPpl());
        assertEquals(windowed.metrics().testPpl(), stateful.metrics().testPpl(), 1e-4 * windowed.metrics().testPpl());
    }

    @Test
    void statefulEvaluationOfAnFmmCellRunsAndSoftmaxFallsBackToWindowedSayingWhy() throws IOException {
        CellResult fmm = runLmCell("fmm:k=5,kernels=elu,blend=near_channel", "stream", "stateful", 700);
        assertEquals(CellStatus.OK, fmm.status(), fmm.statusDetail());
        assertEquals("", fmm.statusDetail());
        assertTrue(fmm.metrics().testPpl() > 1 && fmm.metrics().testPpl() < 256, "test ppl " + fmm.metrics().testPpl());

        CellResult softmax = runLmCell("softmax", "stream", "stateful", 700);
        assertEquals(CellStatus.OK, softmax.status(), softmax.statusDetail());
        assertTrue(softmax.statusDetail().contains("ran windowed")
                && softmax.statusDetail().contains("'softmax' has no finite state"), softmax.statusDetail());
    }

    @Test
    void statefulEvaluationWithThePapersPositionsIsRefusedWhenPlanning() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(lmProfile("window", "stateful", 65).toString(), "linear", 2, null, tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("needs model.positions stream") && e.getMessage().contains("'window'"),
                e.getMessage());
    }

    /** Trains one smoke-sized lm cell for 4 steps on Europarl bytes and returns its result. */
    private CellResult runLmCell(String variant, String positions, String evalMode, int cap) throws IOException {
        Path profile = lmProfile(positions, evalMode, cap);
        RunPlan plan = plan(profile.toString(), variant, 4, null, tmp.resolve("cache"));
        return new CellRunner(new EngineCellTraining(null, tmp.resolve("cache")), e -> { })
                .run(plan, plan.cell(0), tmp.resolve("run-" + positions + "-" + evalMode + "-" + cap));
    }

    private Path lmProfile(String positions, String evalMode, int cap) throws IOException {
        Path file = tmp.resolve("lm-" + positions + "-" + evalMode + "-" + cap + ".yaml");
        Files.writeString(file, """
                name: lmtest
                threads: 1
                model: {layers: 2, dim: 32, mlpDim: 64, heads: 4, dropout: 0.0, attentionDropout: 0.0, positions: %s}
                train: {batchSize: 8, steps: 4, warmupSteps: 1, lr: 2.0e-3, weightDecay: 0.0, evalEvery: 2, evalBatches: 0, testBatches: 0, gradClip: 0.25, evalStride: 0, evalMode: %s}
                data: {source: europarl-bytes, seqLength: 64, maxTrain: 0, maxVal: %d, maxTest: %d, pixelZero: pad}
                rows: {linear: linear}
                tasks: {lm: }
                """.formatted(positions, evalMode, cap, cap));
        return file;
    }

    /** WikiText-format files: enough training words for two columns of 257 tokens, valid/test past one window. */
    private static void writeWikiText(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        String[] words = {"the", "a", "cat", "dog", "sat", "on", "mat", "<unk>", "@-@", "ran", "far", "and"};
        Files.writeString(dir.resolve("wiki.train.tokens"), text(random, words, 80));
        Files.writeString(dir.resolve("wiki.valid.tokens"), text(random, words, 30));
        Files.writeString(dir.resolve("wiki.test.tokens"), text(random, words, 30));
    }

    private static String text(Random random, String[] words, int lines) {
        List<String> out = new ArrayList<>();
        out.add(" = Heading = ");
        for (int i = 0; i < lines; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                line.append(' ').append(words[random.nextInt(words.length)]);
            }
            out.add(line.append(" . ").toString());
        }
        return String.join("\n", out) + "\n";
    }
}
