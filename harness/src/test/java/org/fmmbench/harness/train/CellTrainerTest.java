package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.MissingDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellTrainerTest {
    private static final int SEQ = 24;
    private static final String VARIANT = "softmax";

    private static CellConfig cell(TrainConfig train, long seed) {
        return new CellConfig("test", "marker", VARIANT, VARIANT, seed, 1, "cpu",
                new ModelConfig(1, 16, 32, 2, 0.1f, 0.1f), train,
                new DataConfig("auto", SEQ, 0, 0, 0, "pad"));
    }

    private static TrainConfig train(int steps, double lr) {
        return new TrainConfig(16, steps, steps / 5, lr, 0.0, 20, 0, 0);
    }

    private static CellTrainer trainer(int documents) {
        return new CellTrainer(null, Path.of("unused"),
                (name, options) -> new MarkerTask(options.seqLength(), documents, 512, 96, 96, options.seed()));
    }

    @Test
    void learnsTheMarkerRuleWellAboveChance() {
        List<Double> losses = new ArrayList<>();
        TrainResult r = trainer(1).train(cell(train(120, 3e-3), 1), new RecordingListener(losses));
        double early = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(r.finalTrainLoss() < early - 0.2, "loss " + early + " -> " + r.finalTrainLoss());
        assertTrue(r.bestValAccuracy() > 0.75, "best validation accuracy " + r.bestValAccuracy());
        assertTrue(r.testAccuracyAtBest() > 0.7, "test accuracy " + r.testAccuracyAtBest());
        assertEquals(120, r.steps());
        assertEquals(120, r.curve().size());
        assertEquals("marker-generated", r.dataSource());
        assertTrue(r.medianStepMs() > 0 && r.p90StepMs() >= r.medianStepMs());
        assertEquals(16.0 * SEQ / (r.medianStepMs() / 1000), r.tokensPerSecond(), 1e-6);
        assertTrue(r.parameterCount() > 0);
    }

    @Test
    void sameSeedGivesIdenticalCurvesAndAccuracies() {
        TrainConfig t = train(25, 1e-3);
        TrainResult a = trainer(1).train(cell(t, 3), TrainingListener.NONE);
        TrainResult b = trainer(1).train(cell(t, 3), TrainingListener.NONE);
        TrainResult other = trainer(1).train(cell(t, 4), TrainingListener.NONE);
        for (int i = 0; i < a.curve().size(); i++) {
            assertEquals(a.curve().get(i).trainLoss(), b.curve().get(i).trainLoss(), 0.0, "step " + (i + 1));
            assertEquals(a.curve().get(i).valAccuracy(), b.curve().get(i).valAccuracy(), 0.0);
        }
        assertEquals(a.bestValAccuracy(), b.bestValAccuracy(), 0.0);
        assertEquals(a.testAccuracyAtBest(), b.testAccuracyAtBest(), 0.0);
        assertEquals(a.testAccuracyAtLast(), b.testAccuracyAtLast(), 0.0);
        assertFalse(a.curve().get(24).trainLoss() == other.curve().get(24).trainLoss(),
                "another seed must give another run");
    }

    @Test
    void microBatchesTrainLikeTheWholeBatch() {
        TrainConfig whole = new TrainConfig(16, 6, 1, 3e-3, 0.0, 6, 1, 1, 0, 0, 0);
        TrainConfig quarters = new TrainConfig(16, 6, 1, 3e-3, 0.0, 6, 1, 1, 0, 0, 4);
        TrainConfig uneven = new TrainConfig(16, 6, 1, 3e-3, 0.0, 6, 1, 1, 0, 0, 5);
        TrainResult a = trainer(2).train(noDropout(whole), TrainingListener.NONE);
        for (TrainConfig split : List.of(quarters, uneven)) {
            TrainResult b = trainer(2).train(noDropout(split), TrainingListener.NONE);
            for (int i = 0; i < a.curve().size(); i++) {
                assertEquals(a.curve().get(i).trainLoss(), b.curve().get(i).trainLoss(), 1e-5,
                        "step " + (i + 1) + " with micro-batches of " + split.microBatch());
            }
        }
    }

    private static CellConfig noDropout(TrainConfig train) {
        return new CellConfig("test", "marker", VARIANT, VARIANT, 7, 1, "cpu",
                new ModelConfig(1, 16, 32, 2, 0f, 0f), train, new DataConfig("auto", SEQ, 0, 0, 0, "pad"));
    }

    @Test
    void nanLossStopsTrainingAtOnceAsDiverged() {
        List<Double> losses = new ArrayList<>();
        DivergedException e = assertThrows(DivergedException.class,
                () -> trainer(1).train(cell(train(50, 1e12), 5), new RecordingListener(losses)));
        assertEquals(losses.size() + 1, e.step(), "no step may run after the diverged one");
        assertFalse(Double.isFinite(e.loss()));
    }

    @Test
    void evaluatesEveryEvalEveryStepsAndAtTheEndAndKeepsTheBest() {
        TrainConfig t = new TrainConfig(16, 45, 5, 3e-3, 0.0, 20, 2, 3);
        List<Integer> evaluated = new ArrayList<>();
        TrainResult r = trainer(1).train(cell(t, 6), new TrainingListener() {
            @Override
            public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
            }

            @Override
            public void onEvaluation(int step, double valAccuracy, double valLoss) {
                evaluated.add(step);
            }
        });
        assertEquals(List.of(20, 40, 45), evaluated);
        double best = r.curve().stream().mapToDouble(CurvePoint::valAccuracy).filter(v -> !Double.isNaN(v))
                .max().orElseThrow();
        assertEquals(best, r.bestValAccuracy(), 0.0);
        assertEquals(best, r.curve().get(r.bestStep() - 1).valAccuracy(), 0.0);
        if (r.bestStep() == 45) {
            assertEquals(r.testAccuracyAtLast(), r.testAccuracyAtBest(), 0.0);
        }
    }

    @Test
    void nativeArraysDoNotAccumulateAcrossSteps() {
        List<Integer> live = new ArrayList<>();
        TrainConfig t = new TrainConfig(8, 40, 4, 1e-3, 0.01, 1000, 1, 1);
        trainer(1).train(cell(t, 7), new TrainingListener() {
            @Override
            public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
                if (step == 5 || step == 39) {
                    live.add(liveArrays());
                }
            }

            @Override
            public void onEvaluation(int step, double valAccuracy, double valLoss) {
            }
        });
        assertEquals(live.get(0), live.get(1), "arrays alive after step 5 vs after step 39");
    }

    /** Every array alive in the engine: the system manager is the root of all managers. */
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void retrievalStyleTasksTrainTheDualEncoder() {
        TrainResult r = trainer(2).train(cell(train(10, 1e-3), 8), TrainingListener.NONE);
        assertEquals(2.0 * 16 * SEQ / (r.medianStepMs() / 1000), r.tokensPerSecond(), 1e-6);
        assertTrue(Double.isFinite(r.finalTrainLoss()));
    }

    @Test
    void trainsARealTaskOpenedThroughTheTaskRegistry(@TempDir Path cache) {
        CellConfig listops = new CellConfig("test", "listops", "band_5", "band:k=5", 2, 1, "cpu",
                new ModelConfig(2, 16, 32, 2, 0.1f, 0.1f), new TrainConfig(8, 4, 1, 1e-3, 0.0, 2, 1, 1),
                new DataConfig("listops-generated", 128, 64, 16, 16, "pad"));
        List<Double> losses = new ArrayList<>();
        TrainResult r = new CellTrainer(null, cache).train(listops, new RecordingListener(losses));
        assertEquals("listops-generated-len31-125", r.dataSource(), "generated to fit 128 tokens");
        assertEquals(12, r.data().fingerprint().length());
        assertEquals(0.0, r.data().truncated(org.fmmbench.tasks.SplitName.TEST));
        assertEquals(4, losses.size());
        assertEquals(List.of(2, 4), r.curve().stream().filter(p -> !Double.isNaN(p.valAccuracy()))
                .map(CurvePoint::step).toList());
        assertTrue(r.testAccuracyAtBest() >= 0 && r.testAccuracyAtBest() <= 1);
    }

    /**
     * The known-answer check of docs/learning-checks.md, shortened: the paper's LRA model learns `majority` (the
     * answer survives mean pooling) with and without attention. A broken loss, label mapping, mask, pooling or
     * optimiser step leaves it at the 10 % chance rate.
     */
    @Test
    void paperModelLearnsTheMajorityCheckWithAndWithoutAttention(@TempDir Path cache) {
        for (String[] row : new String[][] {{"none", "none"}, {"linear", "linear"},
                {"fmm2_band5", "fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab"}}) {
            CellConfig majority = new CellConfig("test", "majority", row[0], row[1], 0, 1, "cpu",
                    new ModelConfig(2, 64, 128, 2, 0.1f, 0.1f), new TrainConfig(8, 100, 10, 1e-3, 0.0, 25, 16, 0),
                    new DataConfig("auto", 256, 2000, 200, 200, "pad"));
            TrainResult r = new CellTrainer(null, cache).train(majority, new RecordingListener(new ArrayList<>()));
            assertEquals("majority-generated", r.dataSource());
            assertTrue(r.testAccuracyAtBest() > 0.9, row[0] + ": test accuracy " + r.testAccuracyAtBest());
        }
    }

    @Test
    void missingDataPropagatesForTheOrchestratorToSkipTheCell() {
        CellTrainer missing = new CellTrainer(null, Path.of("unused"), (name, options) -> {
            throw new MissingDataException("no data for " + name);
        });
        assertThrows(MissingDataException.class, () -> missing.train(cell(train(10, 1e-3), 1), TrainingListener.NONE));
    }

    @Test
    void anUnknownDeviceIsRejectedBeforeAnyWork() {
        CellConfig tpu = new CellConfig("test", "marker", VARIANT, VARIANT, 1, 1, "tpu",
                new ModelConfig(1, 16, 32, 2, 0.1f, 0.1f), train(10, 1e-3), new DataConfig("auto", SEQ, 0, 0, 0, "pad"));
        assertThrows(IllegalArgumentException.class, () -> trainer(1).train(tpu, TrainingListener.NONE));
    }

    private record RecordingListener(List<Double> losses) implements TrainingListener {
        @Override
        public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
            losses.add(loss);
        }

        @Override
        public void onEvaluation(int step, double valAccuracy, double valLoss) {
        }
    }
}
