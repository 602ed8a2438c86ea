package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.baselines.lm.TransformerLm;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.lm.LmBatches;
import org.fmmbench.tasks.lm.TokenStream;
import org.fmmbench.tasks.lm.TokenStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language model trains step for step like the official code: from the official initial parameters, on the
 * official token stream, {@link LmTrainStep} (the step {@code reproduce} runs) must reproduce the official
 * per-step loss, gradient norm and learning rate and end at the official parameters ({@link OfficialLmTrajectory}).
 */
class LmTrainingParityTest {
    private static final OfficialLmTrajectory OFFICIAL = OfficialLmTrajectory.load();

    /*
     * Tolerances. Both sides compute in float32 (unit roundoff 6e-8) with the same formulas but different kernels
     * and operation orders (PyTorch 1.13 with a prefix-sum far field there, PyTorch 2.7.1 through DJL with a
     * chunked far field here), so they agree to rounding, which 32 Adam steps then carry forward. Measured on
     * this fixture: loss 1.5e-7, gradient norm 2.0e-7 (relative), final parameters 1.0e-6 (absolute, values up to
     * 1.3). The tolerances leave about 50 times that for other CPUs and kernels, and stay below the smallest real
     * difference the parity work found (DJL's Adam epsilon: loss 4.2e-5, norm 5.0e-4, parameters 1.6e-2).
     */
    private static final double LOSS_TOLERANCE = 1e-5;
    private static final double NORM_TOLERANCE = 1e-5;
    private static final double PARAMETER_TOLERANCE = 5e-5;
    /** The schedule is the same closed form in double on both sides; the cosine may differ in its last bit. */
    private static final double LR_TOLERANCE = 1e-12;

    @TempDir
    Path tmp;

    /** What fmmbench measured over the fixture's steps. */
    record Trajectory(List<OfficialLmTrajectory.Step> steps, Map<String, float[]> finalParameters) {
    }

    @Test
    void trainingStepsFollowTheOfficialTrajectory() throws IOException {
        List<String> differences = differences(train(OFFICIAL.lmConfig(), OFFICIAL.trainConfig()));
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    @Test
    void parityFailsWhenPositionsCountForwardFromTheStreamStart() throws IOException {
        assertParityFails(train(OFFICIAL.lmConfig().withPositions(PositionScheme.STREAM), OFFICIAL.trainConfig()));
    }

    @Test
    void parityFailsWhenTheBandIsOneKeyWider() throws IOException {
        LmConfig official = OFFICIAL.lmConfig();
        assertParityFails(train(official.withAttention(
                VariantSpec.parse(official.attention().toString().replace("k=5,", "k=6,"))),
                OFFICIAL.trainConfig()));
    }

    @Test
    void parityFailsWithoutWarmup() throws IOException {
        TrainConfig t = OFFICIAL.trainConfig();
        assertParityFails(train(OFFICIAL.lmConfig(), new TrainConfig(t.batchSize(), t.steps(), 0, t.lr(),
                t.weightDecay(), t.evalEvery(), t.evalBatches(), t.testBatches(), t.gradClip(), t.evalStride())));
    }

    /** The planted change must move the model's trajectory (not only the schedule's numbers) out of tolerance. */
    private static void assertParityFails(Trajectory planted) {
        List<String> differences = differences(planted);
        assertTrue(differences.stream().anyMatch(d -> !d.startsWith("lr")), "the parity check missed a planted change");
    }

    private Trajectory train(LmConfig config, TrainConfig schedule) throws IOException {
        Path file = tmp.resolve("train.ids");
        try (TokenStreamWriter w = new TokenStreamWriter(file)) {
            for (int id : OFFICIAL.tokens()) {
                w.add(id);
            }
            w.commit();
        }
        try (TokenStream stream = TokenStream.open(file);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TransformerLm model = TransformerLm.create(config, VariantRegistry.load());
            Shape shape = new Shape(schedule.batchSize(), config.context());
            model.initialize(manager, DataType.FLOAT32, shape, shape);
            OFFICIAL.loadInitial(model);
            LmTrainStep step = new LmTrainStep(model, new ParameterStore(manager, false),
                    new LmBatches(stream, schedule.batchSize(), config.context()), schedule);
            StepTimes times = new StepTimes(schedule.steps());
            List<OfficialLmTrajectory.Step> steps = new ArrayList<>();
            for (int s = 1; s <= schedule.steps(); s++) {
                LmTrainStep.Outcome o = step.run(manager, s, times);
                steps.add(new OfficialLmTrajectory.Step(s, step.schedule().learningRate(s), o.loss(),
                        o.gradientNorm()));
            }
            Map<String, float[]> last = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : model.getParameters()) {
                last.put(OfficialLmTrajectory.withoutPositions(p.getKey()), p.getValue().getArray().toFloatArray());
            }
            return new Trajectory(steps, last);
        }
    }

    /**
     * Where {@code t} leaves the official trajectory, one line per quantity and step (or parameter); empty when it
     * agrees within the tolerances. Prints the largest deviations either way.
     */
    private static List<String> differences(Trajectory t) {
        List<String> out = new ArrayList<>();
        List<OfficialLmTrajectory.Step> golden = OFFICIAL.steps();
        assertEquals(golden.size(), t.steps().size(), "steps");
        double worstLoss = 0;
        double worstNorm = 0;
        for (int i = 0; i < golden.size(); i++) {
            OfficialLmTrajectory.Step g = golden.get(i);
            OfficialLmTrajectory.Step m = t.steps().get(i);
            double lr = relative(m.lr(), g.lr());
            double loss = relative(m.loss(), g.loss());
            double norm = relative(m.gradientNorm(), g.gradientNorm());
            worstLoss = Math.max(worstLoss, loss);
            worstNorm = Math.max(worstNorm, norm);
            if (lr > LR_TOLERANCE) {
                out.add("lr of step " + g.step() + ": " + m.lr() + ", official " + g.lr());
            }
            if (loss > LOSS_TOLERANCE) {
                out.add("loss of step " + g.step() + ": " + m.loss() + ", official " + g.loss());
            }
            if (norm > NORM_TOLERANCE) {
                out.add("gradient norm of step " + g.step() + ": " + m.gradientNorm() + ", official "
                        + g.gradientNorm());
            }
        }
        double worstParameter = 0;
        for (Map.Entry<String, float[]> e : OFFICIAL.finalParameters().entrySet()) {
            float[] g = e.getValue();
            float[] m = t.finalParameters().get(e.getKey());
            double largest = 0;
            for (int j = 0; j < g.length; j++) {
                largest = Math.max(largest, Math.abs(g[j] - m[j]));
            }
            worstParameter = Math.max(worstParameter, largest);
            if (largest > PARAMETER_TOLERANCE) {
                out.add("final " + e.getKey() + " off by up to " + largest);
            }
        }
        System.out.printf("LM parity: largest relative loss difference %.2e, gradient norm %.2e; largest final "
                + "parameter difference %.2e%n", worstLoss, worstNorm, worstParameter);
        return out;
    }

    private static double relative(double measured, double official) {
        return Math.abs(measured - official) / Math.abs(official);
    }
}
