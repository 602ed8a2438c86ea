package org.fmmbench.harness.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.baselines.lm.TransformerLm;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.MaskedSequences;

/**
 * A causal per-position prediction task on generated rows ({@link MaskedSequences}), trained as the official
 * {@code causal-copy} driver trains the paper's copy task: RAdam ({@link RAdam}, per-parameter gradient clip,
 * weight decay), batches drawn fresh from the seeded generator every step, the learning rate divided by 10 after a
 * share of the steps (the copy task's 30%, the official 30 of 100 epochs), and loss and accuracy over the masked positions only.
 * Validation is a fixed set of {@code evalBatches} batches drawn once from its own seed, so every evaluation scores
 * the same rows; the test set is {@code testBatches} batches from a third seed, scored with the best-validation and
 * the last parameters.
 *
 * <p>The model is {@link #model}: unless a task overrides it, fmmbench's causal {@link TransformerLm} (post-LN layers, sinusoidal positions 0..L-1, output tied
 * to the embedding) over the generator's vocabulary.
 *
 * <p>How a {@link CellConfig} maps: {@code data.seqLength} is L (0 = the task's default); {@code data.source} must
 * be {@code auto} or {@code generated}; {@code train.gradClip} is the per-parameter clip norm; {@code warmupSteps},
 * {@code evalStride}, {@code evalMode}, {@code microBatch} and the other data caps are not used and must be 0 or
 * their defaults.
 */
public abstract class MaskedSequenceWorkload implements Workload {
    private static final long VALIDATION_SEED = 0x5EED_0001L;
    private static final long TEST_SEED = 0x5EED_0002L;

    private final String task;
    private final ReportSection reportSection;
    private final int defaultLength;
    private final double dropFraction;

    /**
     * @param task the task name of the cells it runs
     * @param reportSection the report section that scores them
     * @param defaultLength L when {@code data.seqLength} is 0
     * @param dropFraction share of the steps before the learning rate drops tenfold (1 = never)
     */
    protected MaskedSequenceWorkload(String task, ReportSection reportSection, int defaultLength,
            double dropFraction) {
        this.task = task;
        this.reportSection = reportSection;
        this.defaultLength = defaultLength;
        this.dropFraction = dropFraction;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public ReportSection reportSection() {
        return reportSection;
    }

    /** The rows of length {@code length} that {@code seed} gives. */
    protected abstract MaskedSequences rows(int length, long seed);

    /** The {@code data_source} recorded in results: where the rows came from. */
    protected String dataSource() {
        return task() + "-generated";
    }

    @Override
    public AttentionSettings attentionSettings(ModelConfig m) {
        return new AttentionSettings(m.heads(), m.dim() / m.heads(), true, m.attentionDropout());
    }

    @Override
    public void validate(CellConfig cell) {
        ModelConfig m = cell.model();
        TrainConfig t = cell.train();
        DataConfig d = cell.data();
        if (m.dim() % 2 != 0) {
            throw new IllegalArgumentException("Task '" + task() + "': model.dim " + m.dim() + " must be even (half "
                    + "of it is the sinusoidal position code).");
        }
        if (!d.source().equals("auto") && !d.source().equals("generated")) {
            throw new IllegalArgumentException("Task '" + task() + "': data.source must be auto or generated (the rows are "
                    + "generated from the seed), got '" + d.source() + "'.");
        }
        if (d.seqLength() != 0 && d.seqLength() < 8) {
            throw new IllegalArgumentException("Task '" + task() + "': data.seqLength must be 0 (the task's "
                    + defaultLength + ") or >= 8, got " + d.seqLength() + ".");
        }
        if (t.evalBatches() < 1 || t.testBatches() < 1) {
            throw new IllegalArgumentException("Task '" + task() + "' needs train.evalBatches and testBatches >= 1 "
                    + "(the rows are generated: there is no whole split to score).");
        }
        if (t.warmupSteps() != 0 || t.microBatch() != 0) {
            throw new IllegalArgumentException("Task '" + task() + "' has no warm-up and no gradient accumulation (the "
                    + "official schedule is a tenfold drop after 30% of the steps): set train.warmupSteps and "
                    + "train.microBatch to 0.");
        }
    }

    @Override
    public void prepareData(CellConfig cell, Path dataDir, Path cacheDir) {
        // Rows are generated from the seed while training; nothing to prepare.
    }

    @Override
    public TrainResult train(CellConfig cell, Path dataDir, Path cacheDir, TrainingListener listener,
            Checkpointing checkpointing) {
        try {
            return trainAndRead(cell, listener, checkpointing, (model, store, manager) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Looks at the trained model (best-validation parameters) before its memory is freed. */
    @FunctionalInterface
    protected interface ModelReader {
        void read(Block model, ParameterStore store, NDManager manager) throws IOException;
    }

    /**
     * Trains as {@link #train(CellConfig, Path, Path, TrainingListener, Checkpointing)}, then hands the model to
     * {@code reader}.
     */
    protected TrainResult trainAndRead(CellConfig cell, TrainingListener listener, Checkpointing checkpointing,
            ModelReader reader) throws IOException {
        ModelConfig m = cell.model();
        TrainConfig train = cell.train();
        int length = cell.data().seqLength() == 0 ? defaultLength : cell.data().seqLength();
        int vocabulary = rows(length, cell.seed()).vocabularySize();
        Device device = CellTrainer.device(cell.device());
        VariantRegistry registry = VariantRegistry.load();
        AttentionSettings settings = attentionSettings(m);
        VariantSpec variant = VariantSpec.parse(cell.variant());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed(Long.hashCode(cell.seed()));
            LmConfig config = new LmConfig(vocabulary, m.layers(), m.dim(), m.heads(), m.dim() / m.heads(),
                    m.mlpDim(), m.dropout(), length, new int[0], variant, PositionScheme.STREAM);
            SequenceModel model = model(config, s -> registry.create(variant, settings), manager,
                    train.batchSize());
            CellCheckpoint resume = checkpointing.resumePoint();
            Run run = new Run(model, manager, train, length, vocabulary, cell.seed(),
                    resume == null ? 0 : resume.completedSteps());
            TrainResult result = run.execute(listener, cell.seed(),
                    new TrainingLoop.Checkpoints(checkpointing, resume, run.state()));
            reader.read(model.block(), run.store, manager);
            return result;
        }
    }

    /** The model a task trains, as the training loop and the scoring see it. */
    protected interface SequenceModel {
        Block block();

        long parameterCount();

        /** log p(target) at every position (B, N), with dropout: the training loss. */
        NDArray targetLogProbs(ParameterStore store, NDArray inputs, NDArray targets);

        /** Log-probabilities over the vocabulary (B, N, V) without dropout: scoring. */
        NDArray logProbabilities(ParameterStore store, NDArray inputs);
    }

    /**
     * Builds and initialises the model for batches of {@code batch} rows: by default fmmbench's causal
     * {@link TransformerLm} (post-LN layers, sinusoidal positions 0..L-1, output tied to the embedding).
     */
    protected SequenceModel model(LmConfig config, Function<AttentionSettings, Attention> attention,
            NDManager manager, int batch) {
        TransformerLm lm = new TransformerLm(config, attention);
        Shape rows = new Shape(batch, config.context());
        lm.initialize(manager, DataType.FLOAT32, rows, rows);
        return new SequenceModel() {
            @Override
            public Block block() {
                return lm;
            }

            @Override
            public long parameterCount() {
                return lm.parameterCount();
            }

            @Override
            public NDArray targetLogProbs(ParameterStore store, NDArray inputs, NDArray targets) {
                return lm.forward(store, new NDList(inputs, targets), true).singletonOrThrow();
            }

            @Override
            public NDArray logProbabilities(ParameterStore store, NDArray inputs) {
                return lm.logProbabilities(store, inputs, false);
            }
        };
    }

    /** log p(target) (B, N) from log-probabilities over the vocabulary (B, N, V). */
    static NDArray atTargets(NDArray logProbs, NDArray targets, int vocabulary) {
        return logProbs.mul(targets.toType(DataType.INT64, false).oneHot(vocabulary)).sum(new int[] {-1});
    }

    /** lr for 1-based step {@code step}: {@code lr} for the first {@code dropFraction} of the steps, then a tenth. */
    double learningRate(TrainConfig train, int step) {
        return step <= Math.round(dropFraction * train.steps()) ? train.lr() : train.lr() / 10;
    }

    /** Rows of one batch and where they are scored. */
    private record Batch(int[] inputs, int[] targets, float[] mask) {
        static Batch draw(MaskedSequences source, int rows) {
            int size = rows * source.length();
            Batch b = new Batch(new int[size], new int[size], new float[size]);
            source.fill(rows, b.inputs, b.targets, b.mask);
            return b;
        }
    }

    /** Masked loss and accuracy of a set of batches. */
    private record Score(double loss, double accuracy) {
    }

    /** State of one training run. */
    private final class Run {
        private final SequenceModel model;
        private final NDManager manager;
        private final TrainConfig train;
        private final int length;
        private final int vocabulary;
        private final ParameterStore store;
        private final RAdam optimizer;
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();
        private final MaskedSequences training;
        private final Batch[] validation;
        private final Batch[] test;

        Run(SequenceModel model, NDManager manager, TrainConfig train, int length, int vocabulary, long seed,
                int completedSteps) {
            this.model = model;
            this.manager = manager;
            this.train = train;
            this.length = length;
            this.vocabulary = vocabulary;
            this.store = new ParameterStore(manager, false);
            this.optimizer = RAdam.builder(step -> learningRate(train, step))
                    .optMaxGradNorm((float) train.gradClip()).optWeightDecays((float) train.weightDecay())
                    .optBeginNumUpdate(completedSteps).build();
            // The output layer shares the embedding table: one entry per parameter id, so it is updated once.
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                parameters.putIfAbsent(p.getValue().getId(), p.getValue());
            }
            this.training = rows(length, seed);
            this.validation = batches(rows(length, seed ^ VALIDATION_SEED), train.evalBatches());
            this.test = batches(rows(length, seed ^ TEST_SEED), train.testBatches());
        }

        private Batch[] batches(MaskedSequences source, int count) {
            Batch[] out = new Batch[count];
            for (int i = 0; i < count; i++) {
                out[i] = Batch.draw(source, train.batchSize());
            }
            return out;
        }

        /**
         * The optimiser's moments and the position of the training rows, for checkpoints: a resumed cell draws
         * (and drops) the batches of the steps already done, so it trains on the rows an uninterrupted one would.
         */
        TrainingLoop.TrainerState state() {
            return TrainingLoop.TrainerState.of(model.block(), optimizer.moments(), steps -> {
                for (int s = 0; s < steps; s++) {
                    Batch.draw(training, train.batchSize());
                }
            });
        }

        TrainResult execute(TrainingListener listener, long seed, TrainingLoop.Checkpoints checkpoints) {
            TrainingLoop.Outcome loop = TrainingLoop.run(model.block(), train.steps(), train.evalEvery(),
                    step -> learningRate(train, step), this::trainStep, this::validate, listener, seed,
                    checkpoints);
            long testStart = System.nanoTime();
            double atLast = score(test).accuracy();
            loop.best().restoreInto(model.block());
            double atBest = score(test).accuracy();
            long evalMs = (loop.evalNanos() + System.nanoTime() - testStart) / 1_000_000;
            double median = loop.times().medianMs();
            return new TrainResult(dataSource(), loop.bestValidation().accuracy(), loop.bestStep(), atBest,
                    atLast, loop.tailLoss(), train.steps(), loop.trainMs(), median, loop.times().p90Ms(),
                    loop.times().medianCpuMs(), (double) train.batchSize() * length / (median / 1000), evalMs,
                    model.parameterCount(), loop.curve(), null, null, null, CellTrainer.resumeNote(loop));
        }

        private TrainingLoop.Validation validate() {
            Score s = score(validation);
            return new TrainingLoop.Validation(s.accuracy(), s.accuracy(), s.loss(), Double.NaN);
        }

        /** Loss and accuracy over every scored position of the batches, without dropout. */
        private Score score(Batch[] batches) {
            double nll = 0;
            double correct = 0;
            double counted = 0;
            for (Batch b : batches) {
                try (NDManager m = manager.newSubManager()) {
                    Shape shape = new Shape(train.batchSize(), length);
                    NDArray x = m.create(b.inputs, shape);
                    NDArray y = m.create(b.targets, shape);
                    NDArray mask = m.create(b.mask, shape);
                    NDArray logProbs = model.logProbabilities(store, x);
                    NDArray targetLogProbs = atTargets(logProbs, y, vocabulary);
                    nll -= targetLogProbs.mul(mask).sum().getFloat();
                    NDArray hits = logProbs.argMax(-1).toType(DataType.INT32, false).eq(y).toType(DataType.FLOAT32,
                            false);
                    correct += hits.mul(mask).sum().getFloat();
                    counted += mask.sum().getFloat();
                }
            }
            return new Score(nll / counted, correct / counted);
        }

        /** One optimiser step on a fresh batch; the loss is the official masked mean. */
        private double trainStep(int step, StepTimes times) {
            Batch b = Batch.draw(training, train.batchSize());
            try (NDManager stepManager = manager.newSubManager()) {
                StepTimes.Start start = times.start();
                double loss = MicroBatches.backward(stepManager, step, train.batchSize(), train.batchSize(),
                        (passManager, from, count) -> {
                            Shape shape = new Shape(count, length);
                            NDArray x = passManager.create(b.inputs, shape);
                            NDArray y = passManager.create(b.targets, shape);
                            NDArray mask = passManager.create(b.mask, shape);
                            NDArray logProbs = model.targetLogProbs(store, x, y);
                            return logProbs.mul(mask).sum().neg().div(mask.sum());
                        });
                for (Parameter p : parameters.values()) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(stepManager);
                    optimizer.update(p.getId(), p.getArray(), g);
                }
                times.stop(start);
                return loss;
            }
        }
    }
}
