package org.fmmbench.harness.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.TaskInfo;

/**
 * Replays an {@link OfficialTrajectory} through fmmbench: the row's model, the official initial parameters, the
 * same batches through {@link ClassifierStep} (the step {@code reproduce} runs, micro-batches included) with the
 * optimiser and schedule of {@link CellTrainer#trainingConfig}. Model and training configuration can be swapped
 * so that a test can plant a change and watch the comparison fail.
 */
final class OfficialTrajectoryReplay {
    /**
     * Tolerances of the comparison. The generator measured how far the official float32 trajectory is from the
     * same run in float64 (lra-index.json, float64Gap): at most 3e-7 in any loss, 1.3e-6 relative in a gradient
     * norm and 6e-7 in any final parameter. fmmbench runs the same arithmetic in float32 but in another order
     * (libtorch 2.7 kernels, micro-batch sums), so each bound allows about ten times that rounding and no more.
     */
    static final double LOSS_TOLERANCE = 5e-6;
    static final double GRAD_NORM_RELATIVE_TOLERANCE = 2e-5;
    static final double SCHEDULE_TOLERANCE = 1e-12;
    static final double PARAMETER_TOLERANCE = 1e-5;

    /** Builds the model of a row (the production one is {@link SequenceClassifier#create}). */
    interface Models {
        SequenceClassifier create(int documents, EncoderConfig config, int classes, VariantRegistry registry);
    }

    /** Builds loss and optimiser (the production one is {@link CellTrainer#trainingConfig}). */
    interface Training {
        DefaultTrainingConfig create(OneCycleSchedule schedule, TrainConfig train, Device device);
    }

    /** What fmmbench recorded; final parameters under their official names. */
    record Result(double[] loss, double[] gradNorm, double[] lr, double[] beta1, Map<String, float[]> finalParameters) {
    }

    /** The largest disagreement of a replay with the official trajectory in each recorded quantity. */
    record Deviation(double loss, double gradNormRelative, double schedule, double parameter) {
        boolean within() {
            return loss <= LOSS_TOLERANCE && gradNormRelative <= GRAD_NORM_RELATIVE_TOLERANCE
                    && schedule <= SCHEDULE_TOLERANCE && parameter <= PARAMETER_TOLERANCE;
        }
    }

    private OfficialTrajectoryReplay() {
    }

    static Result replay(OfficialTrajectory t) {
        return replay(t, SequenceClassifier::create, CellTrainer::trainingConfig);
    }

    static Result replay(OfficialTrajectory t, Models models, Training training) {
        Engine.getInstance().setRandomSeed(0);
        EncoderConfig config = new EncoderConfig(t.vocabSize(), t.seqLength(), 64, 2, 128, 2, 0f, 0f,
                VariantSpec.parse(t.variant()));
        SequenceClassifier block = models.create(t.documents(), config, t.classes(), VariantRegistry.load());
        TrainConfig train = new TrainConfig(t.batchSize(), t.steps(), t.warmupSteps(), t.maxLr(), 0, t.steps(), 0, 0,
                0, 0, t.batchSize() / t.chunks());
        OneCycleSchedule schedule = new OneCycleSchedule(train.lr(), train.steps(), train.warmupSteps());
        try (Model model = Model.newInstance("parity", Device.cpu())) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(training.create(schedule, train, Device.cpu()))) {
                Shape[] shapes = new Shape[t.documents()];
                Arrays.fill(shapes, new Shape(t.batchSize(), t.seqLength()));
                trainer.initialize(shapes);
                Map<String, Parameter> parameters = OfficialParameterNames.byPath(block);
                load(t.init(), parameters);
                TaskInfo info = new TaskInfo("parity", "official-trajectory", t.vocabSize(), t.classes(),
                        t.seqLength(), t.documents(), 0);
                ClassifierStep step = new ClassifierStep(trainer, new BatchAssembler(new Batches(t), info,
                        t.batchSize()), train.examplesPerPass());
                double[] loss = new double[t.steps()];
                double[] gradNorm = new double[t.steps()];
                double[] lr = new double[t.steps()];
                double[] beta1 = new double[t.steps()];
                for (int s = 0; s < t.steps(); s++) {
                    int first = s * t.batchSize();
                    int[] examples = new int[t.batchSize()];
                    Arrays.setAll(examples, b -> first + b);
                    try (NDManager stepManager = trainer.getManager().newSubManager()) {
                        loss[s] = step.backward(stepManager, s + 1, examples);
                        gradNorm[s] = globalNorm(parameters);
                        lr[s] = schedule.learningRate(s);
                        beta1[s] = schedule.beta1(s);
                        step.update();
                    }
                }
                Map<String, float[]> last = new LinkedHashMap<>();
                for (String official : t.finalParameters().keySet()) {
                    last.put(official, parameters.get(OfficialParameterNames.fmmbenchPath(official)).getArray()
                            .toFloatArray());
                }
                return new Result(loss, gradNorm, lr, beta1, last);
            }
        }
    }

    static Deviation compare(OfficialTrajectory t, Result r) {
        double loss = 0;
        double grad = 0;
        double schedule = 0;
        for (int s = 0; s < t.steps(); s++) {
            loss = Math.max(loss, Math.abs(r.loss()[s] - t.loss()[s]));
            grad = Math.max(grad, Math.abs(r.gradNorm()[s] / t.gradNorm()[s] - 1));
            schedule = Math.max(schedule, Math.abs(r.lr()[s] - t.lr()[s]));
            schedule = Math.max(schedule, Math.abs(r.beta1()[s] - t.beta1()[s]));
        }
        double parameter = 0;
        for (Map.Entry<String, float[]> e : t.finalParameters().entrySet()) {
            float[] ours = r.finalParameters().get(e.getKey());
            for (int i = 0; i < ours.length; i++) {
                parameter = Math.max(parameter, Math.abs(ours[i] - e.getValue()[i]));
            }
        }
        return new Deviation(loss, grad, schedule, parameter);
    }

    /** The trajectory's batches as one split: example {@code s * batchSize + b} is example b of step s. */
    private record Batches(OfficialTrajectory t) implements Split {
        @Override
        public int size() {
            return t.steps() * t.batchSize();
        }

        @Override
        public int label(int index) {
            return t.labels()[index / t.batchSize()][index % t.batchSize()];
        }

        @Override
        public void tokens(int index, int doc, int[] dst) {
            int[] row = t.ids()[index / t.batchSize()][doc][index % t.batchSize()];
            System.arraycopy(row, 0, dst, 0, row.length);
        }
    }

    /** Puts every official initial value into its fmmbench parameter; each side must be covered exactly. */
    private static void load(Map<String, float[]> init, Map<String, Parameter> parameters) {
        Set<String> unset = new HashSet<>(parameters.keySet());
        for (Map.Entry<String, float[]> e : init.entrySet()) {
            String path = OfficialParameterNames.fmmbenchPath(e.getKey());
            Parameter p = parameters.get(path);
            if (p == null) {
                throw new IllegalStateException("Official parameter " + e.getKey() + " maps to " + path
                        + ", which fmmbench's model does not have; it has " + parameters.keySet());
            }
            NDArray array = p.getArray();
            if (array.size() != e.getValue().length) {
                throw new IllegalStateException(e.getKey() + " has " + e.getValue().length + " values, " + path
                        + " has shape " + array.getShape());
            }
            array.set(FloatBuffer.wrap(e.getValue()));
            unset.remove(path);
        }
        if (!unset.isEmpty()) {
            throw new IllegalStateException("No official value for fmmbench parameters " + unset);
        }
    }

    private static double globalNorm(Map<String, Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters.values()) {
            if (!p.requiresGradient()) {
                continue;
            }
            for (float g : p.getArray().getGradient().toFloatArray()) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }
}
