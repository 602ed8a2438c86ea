package org.fmmbench.harness.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.DataSummary;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;

/**
 * Trains and evaluates one cell (task x variant x seed) in this JVM, as the LRA code does: AdamW under OneCycle,
 * validation every {@code evalEvery} steps, test accuracy of the best-validation and of the last parameters.
 *
 * <p>Deterministic on CPU for a fixed seed, configuration and thread count: DJL's (PyTorch's) generator is
 * seeded before the model is built and all shuffling uses a {@link java.util.SplittableRandom} from the seed.
 */
public final class CellTrainer implements ResumableTrainer {
    private final Path dataDir;
    private final Path cacheDir;
    private final TaskOpener tasks;

    public CellTrainer(Path dataDir, Path cacheDir) {
        this(dataDir, cacheDir, TaskRegistry::open);
    }

    public CellTrainer(Path dataDir, Path cacheDir, TaskOpener tasks) {
        this.dataDir = dataDir;
        this.cacheDir = cacheDir;
        this.tasks = tasks;
    }

    /**
     * Runs one cell, continuing from its checkpoint if {@code checkpointing} has one for this configuration, and
     * writing checkpoints as it says.
     *
     * @throws org.fmmbench.tasks.MissingDataException when the task's data is absent (the cell is skipped)
     * @throws DivergedException as soon as a training loss is NaN or infinite
     * @throws IllegalArgumentException naming the offending setting when the configuration is impossible
     * @throws IllegalStateException naming the checkpoint when it exists but cannot be read
     */
    @Override
    public TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing) {
        return train(cell, listener, checkpointing, (block, store, manager) -> { });
    }

    /** Reads a trained classifier (its best-validation parameters) before its model is closed. */
    public interface TrainedClassifierReader {
        void read(SequenceClassifier block, ParameterStore store, NDManager manager) throws IOException;
    }

    /**
     * {@link #train(CellConfig, TrainingListener, Checkpointing)}, then hands the best-validation parameters to
     * {@code reader} (the attention-map analysis reads the classifier's attention with them).
     *
     * @throws UncheckedIOException when the reader fails to write
     */
    public TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing,
            TrainedClassifierReader reader) {
        TrainConfig train = cell.train();
        Device device = device(cell.device());
        VariantSpec variant = VariantSpec.parse(cell.variant());
        VariantRegistry registry = VariantRegistry.load();
        CellCheckpoint resume = checkpointing.resumePoint();
        try (Task task = tasks.open(cell.task(), options(cell))) {
            Engine.getInstance().setRandomSeed(Long.hashCode(cell.seed()));
            TaskInfo info = task.info();
            DataSummary data = DataSummary.of(task);
            EncoderConfig encoder = encoderConfig(cell.model(), info, variant);
            SequenceClassifier block = SequenceClassifier.create(info.documents(), encoder, info.numClasses(),
                    registry);
            try (Model model = Model.newInstance("cell", device)) {
                model.setBlock(block);
                OneCycleSchedule schedule = new OneCycleSchedule(train.lr(), train.steps(), train.warmupSteps());
                DefaultTrainingConfig config = trainingConfig(schedule, train, device,
                        resume == null ? 0 : resume.completedSteps());
                try (Trainer trainer = model.newTrainer(config)) {
                    Shape[] inputShapes = new Shape[info.documents()];
                    Arrays.fill(inputShapes, new Shape(train.batchSize(), info.seqLength()));
                    trainer.initialize(inputShapes);
                    Run run = new Run(task, info, block, trainer, schedule, train, cell.seed());
                    OptimizerMoments moments = ((TorchAdamW) config.getOptimizer()).moments();
                    TrainResult result = run.execute(listener, cell.seed(), new TrainingLoop.Checkpoints(checkpointing,
                            resume, run.state(moments))).withData(data);
                    try (NDManager manager = model.getNDManager().newSubManager()) {
                        reader.read(block, new ParameterStore(manager, false), manager);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return result;
                }
            }
        }
    }

    /**
     * Opens the cell's data once and closes it: offline stand-ins are generated and token caches built, so that
     * a later {@link #train} only maps them.
     *
     * @throws org.fmmbench.tasks.MissingDataException when the task's data is absent
     */
    @Override
    public void prepareData(CellConfig cell) {
        tasks.open(cell.task(), options(cell)).close();
    }

    private TaskOptions options(CellConfig cell) {
        return options(cell.data(), dataDir, cacheDir, cell.seed());
    }

    /** How a cell with these data settings opens its task. */
    public static TaskOptions options(DataConfig data, Path dataDir, Path cacheDir, long seed) {
        return new TaskOptions(dataDir, cacheDir, data.source(), data.seqLength(), seed, data.maxTrain(),
                data.maxVal(), data.maxTest(), data.pixelZero(), data.contentLength(), data.truncate());
    }

    static Device device(String name) {
        if ("cpu".equals(name)) {
            return Device.cpu();
        }
        if ("gpu".equals(name)) {
            if (Engine.getInstance().getGpuCount() == 0) {
                throw new IllegalArgumentException("Device 'gpu' was requested but the PyTorch engine sees no GPU:"
                        + " run with device 'cpu' (or 'auto').");
            }
            return Device.gpu();
        }
        throw new IllegalArgumentException("Unknown device '" + name + "': use 'cpu' or 'gpu'.");
    }

    /** Loss and optimiser of a classification cell: softmax cross-entropy, AdamW under {@code schedule}. */
    static DefaultTrainingConfig trainingConfig(OneCycleSchedule schedule, TrainConfig train, Device device) {
        return trainingConfig(schedule, train, device, 0);
    }

    /** The same for a cell resumed after {@code completedSteps} steps: the optimiser counts on from them. */
    static DefaultTrainingConfig trainingConfig(OneCycleSchedule schedule, TrainConfig train, Device device,
            int completedSteps) {
        TorchAdamW optimizer = TorchAdamW.oneCycle(schedule).optWeightDecays((float) train.weightDecay())
                .optBeginNumUpdate(completedSteps).build();
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer)
                .optDevices(new Device[] {device});
    }

    private static EncoderConfig encoderConfig(ModelConfig m, TaskInfo info, VariantSpec variant) {
        return new EncoderConfig(info.vocabSize(), info.seqLength(), m.dim(), m.heads(), m.mlpDim(), m.layers(),
                m.dropout(), m.attentionDropout(), variant);
    }

    /** What a successful cell's status detail says about a resume; empty for a cell that ran in one go. */
    static String resumeNote(TrainingLoop.Outcome loop) {
        return loop.resumedAfter() == 0 ? "" : "resumed from the checkpoint after step " + loop.resumedAfter();
    }

    /** State of one training run. */
    private static final class Run {
        private final TaskInfo info;
        private final SequenceClassifier block;
        private final Trainer trainer;
        private final OneCycleSchedule schedule;
        private final TrainConfig train;
        private final TrainingOrder order;
        private final ClassifierStep classifierStep;
        private final SplitEvaluator validation;
        private final SplitEvaluator test;

        Run(Task task, TaskInfo info, SequenceClassifier block, Trainer trainer, OneCycleSchedule schedule,
                TrainConfig train, long seed) {
            this.info = info;
            this.block = block;
            this.trainer = trainer;
            this.schedule = schedule;
            this.train = train;
            int batch = train.batchSize();
            order = new TrainingOrder(task.split(SplitName.TRAIN).size(), seed);
            classifierStep = new ClassifierStep(trainer, new BatchAssembler(task.split(SplitName.TRAIN), info, batch),
                    train.examplesPerPass());
            validation = evaluator(task, SplitName.VAL, batch);
            test = evaluator(task, SplitName.TEST, batch);
        }

        private SplitEvaluator evaluator(Task task, SplitName name, int batch) {
            if (task.split(name).size() == 0) {
                throw new IllegalArgumentException("The " + name.label() + " split of task '" + info.task()
                        + "' is empty: raise data.max" + (name == SplitName.VAL ? "Val" : "Test")
                        + " or check the data source.");
            }
            return new SplitEvaluator(trainer, new BatchAssembler(task.split(name), info, batch), task.split(name),
                    batch, train.examplesPerPass());
        }

        /** The optimiser's moments and the position in the training order, for checkpoints. */
        TrainingLoop.TrainerState state(OptimizerMoments moments) {
            return TrainingLoop.TrainerState.of(block, moments, steps -> order.skip(steps, train.batchSize()));
        }

        TrainResult execute(TrainingListener listener, long seed, TrainingLoop.Checkpoints checkpoints) {
            TrainingLoop.Outcome loop = TrainingLoop.run(block, train.steps(), train.evalEvery(),
                    step -> schedule.learningRate(step - 1), this::trainStep, this::validate, listener, seed,
                    checkpoints);
            long testStart = System.nanoTime();
            double testAtLast = test.test(train.testBatches()).accuracy();
            loop.best().restoreInto(block);
            SplitEvaluator.Evaluation atBest = test.test(train.testBatches());
            double testAtBest = atBest.accuracy();
            long evalMs = (loop.evalNanos() + System.nanoTime() - testStart) / 1_000_000;

            double median = loop.times().medianMs();
            double tokensPerStep = (double) train.batchSize() * info.seqLength() * info.documents();
            return new TrainResult(info.dataSource(), loop.bestValidation().accuracy(), loop.bestStep(), testAtBest,
                    testAtLast, loop.tailLoss(), train.steps(), loop.trainMs(), median, loop.times().p90Ms(),
                    loop.times().medianCpuMs(), tokensPerStep / (median / 1000), evalMs, block.parameterCount(),
                    loop.curve(), null, null, null, resumeNote(loop), null, atBest.examples(), atBest.majorityRate(),
                    String.join(";", loop.times().flags()));
        }

        private TrainingLoop.Validation validate() {
            SplitEvaluator.Evaluation val = validation.validation(train.evalBatches());
            return new TrainingLoop.Validation(val.accuracy(), val.accuracy(), val.loss(), Double.NaN);
        }

        /** One optimiser step on the next batch; returns its loss. */
        private double trainStep(int step, StepTimes times) {
            try (NDManager stepManager = trainer.getManager().newSubManager()) {
                int[] examples = order.next(train.batchSize());
                StepTimes.Start start = times.start();
                double loss = classifierStep.backward(stepManager, step, examples);
                classifierStep.update();
                times.stop(start);
                return loss;
            }
        }
    }
}
