package org.fmmbench.harness.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.baselines.lm.LmEvaluator;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.baselines.lm.SlidingWindowEvaluator;
import org.fmmbench.baselines.lm.StatefulEvaluator;
import org.fmmbench.baselines.lm.TransformerLm;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.DataSummary;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.lm.LmBatches;
import org.fmmbench.tasks.lm.LmCorpora;
import org.fmmbench.tasks.lm.LmCorpus;
import org.fmmbench.tasks.lm.LmMetrics;
import org.fmmbench.tasks.lm.TokenStream;

/**
 * Trains and evaluates one language-modelling cell as the official WikiText-103 code does: Adam, linear warm-up
 * then cosine to 0 ({@link WarmupCosineSchedule}), gradients clipped to a global norm, training segments in the
 * {@link LmBatches} order, validation perplexity every {@code evalEvery} steps and test perplexity of the
 * best-validation parameters, both by {@link SlidingWindowEvaluator} or, with {@code evalMode: stateful},
 * {@link StatefulEvaluator}.
 *
 * <p>How a {@link CellConfig} maps: {@code data.source} is the corpus ({@link LmCorpora#NAMES}),
 * {@code data.seqLength} the context (0 = the paper's 256), {@code data.maxVal}/{@code maxTest} cap the tokens of
 * the valid/test streams that are scored (0 = all); {@code model.mlpDim} is the feed-forward width and the head
 * width is {@code dim / heads}; {@code model.positions} numbers the tokens ({@code window}, the paper's, or
 * {@code stream}); {@code train.evalStride} is the window stride (0 = half the context, 1 = the paper's),
 * {@code train.evalMode} chooses windowed or stateful evaluation ({@link LmEvalMode}) and {@code train.gradClip}
 * is the clipping norm.
 */
public final class LmCellTrainer implements ResumableTrainer {
    /** The paper's training segment and evaluation window. */
    static final int PAPER_CONTEXT = 256;

    private final Path dataDir;
    private final Path cacheDir;

    public LmCellTrainer(Path dataDir, Path cacheDir) {
        this.dataDir = dataDir;
        this.cacheDir = cacheDir;
    }

    /**
     * Runs one cell, continuing from its checkpoint if {@code checkpointing} has one for this configuration, and
     * writing checkpoints as it says.
     *
     * @throws org.fmmbench.tasks.MissingDataException when the corpus is absent (the cell is skipped)
     * @throws DivergedException as soon as a training loss is NaN or infinite
     * @throws IllegalArgumentException naming the offending setting when the configuration is impossible
     * @throws IllegalStateException naming the checkpoint when it exists but cannot be read
     */
    @Override
    public TrainResult train(CellConfig cell, TrainingListener listener, Checkpointing checkpointing) {
        TrainConfig train = cell.train();
        DataConfig data = cell.data();
        Device device = CellTrainer.device(cell.device());
        int context = context(data);
        VariantRegistry registry = VariantRegistry.load();
        ModelConfig m = cell.model();
        VariantSpec variant = VariantSpec.parse(cell.variant());
        registry.create(variant, AttentionSettings.causal(m.heads(), m.dim() / m.heads()));
        CellCheckpoint resume = checkpointing.resumePoint();
        try (LmCorpus corpus = LmCorpora.open(data.source(), options(cell));
                NDManager manager = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed(Long.hashCode(cell.seed()));
            LmConfig config = new LmConfig(corpus.vocabSize(), m.layers(), m.dim(), m.heads(), m.dim() / m.heads(),
                    m.mlpDim(), m.dropout(), context, LmConfig.cutoffsBelow(corpus.vocabSize()), variant,
                    PositionScheme.bySpecName(m.positions()));
            TransformerLm model = TransformerLm.create(config, registry);
            model.initialize(manager, DataType.FLOAT32, new Shape(train.batchSize(), context),
                    new Shape(train.batchSize(), context));
            return new Run(corpus, model, manager, train, data, resume == null ? 0 : resume.completedSteps())
                    .execute(listener, cell.seed(), checkpointing, resume);
        }
    }

    /**
     * Opens the cell's corpus once and closes it, so that its token streams are cached before {@link #train}.
     *
     * @throws org.fmmbench.tasks.MissingDataException when the corpus is absent
     */
    @Override
    public void prepareData(CellConfig cell) {
        LmCorpora.open(cell.data().source(), options(cell)).close();
    }

    private TaskOptions options(CellConfig cell) {
        DataConfig data = cell.data();
        return new TaskOptions(dataDir, cacheDir, data.source(), context(data), cell.seed(), 0, data.maxVal(),
                data.maxTest(), data.pixelZero());
    }

    private static int context(DataConfig data) {
        return data.seqLength() == 0 ? PAPER_CONTEXT : data.seqLength();
    }

    /** State of one training run. */
    private static final class Run {
        private final LmCorpus corpus;
        private final TransformerLm model;
        private final NDManager manager;
        private final TrainConfig train;
        private final DataConfig data;
        private final int context;
        private final ParameterStore store;
        private final LmTrainStep step;
        private final LmEvaluator evaluator;
        /** Why a requested stateful evaluation ran windowed, or empty. */
        private final String evaluationNote;

        Run(LmCorpus corpus, TransformerLm model, NDManager manager, TrainConfig train, DataConfig data,
                int completedSteps) {
            this.corpus = corpus;
            this.model = model;
            this.manager = manager;
            this.train = train;
            this.data = data;
            this.context = context(data);
            this.store = new ParameterStore(manager, false);
            this.step = new LmTrainStep(model, store, new LmBatches(corpus.stream(SplitName.TRAIN), train.batchSize(),
                    context), train, completedSteps);
            String refusal = LmEvalMode.bySpecName(train.evalMode()) == LmEvalMode.STATEFUL
                    ? StatefulEvaluator.refusal(model) : null;
            if (LmEvalMode.bySpecName(train.evalMode()) == LmEvalMode.STATEFUL && refusal == null) {
                // A chunk of batch x context tokens is as much work per forward pass as one windowed batch.
                this.evaluator = new StatefulEvaluator(model, store, train.examplesPerPass() * context);
                this.evaluationNote = "";
            } else {
                int stride = train.evalStride() == 0 ? Math.max(1, context / 2) : train.evalStride();
                this.evaluator = new SlidingWindowEvaluator(model, store,
                        new SlidingWindowEvaluator.Settings(context, stride, train.examplesPerPass()));
                this.evaluationNote = refusal == null ? ""
                        : "evalMode stateful ran windowed (stride " + stride + "): " + refusal;
            }
            if (!evaluationNote.isEmpty()) {
                System.err.println("note: " + evaluationNote);
            }
        }

        TrainResult execute(TrainingListener listener, long seed, Checkpointing checkpointing,
                CellCheckpoint resume) {
            // The training batches are a function of the step: no data order to move on resume.
            TrainingLoop.TrainerState state = TrainingLoop.TrainerState.of(model, step.moments(), steps -> { });
            TrainingLoop.Outcome loop = TrainingLoop.run(model, train.steps(), train.evalEvery(),
                    step.schedule()::learningRate,
                    (s, times) -> step.run(manager, s, times).loss(), this::validate, listener, seed,
                    new TrainingLoop.Checkpoints(checkpointing, resume, state));
            long testStart = System.nanoTime();
            loop.best().restoreInto(model);
            LmMetrics test = score(SplitName.TEST, corpus.stream(SplitName.TEST), cap(SplitName.TEST));
            long evalMs = (loop.evalNanos() + System.nanoTime() - testStart) / 1_000_000;

            double median = loop.times().medianMs();
            double tokensPerStep = (double) train.batchSize() * context;
            return new TrainResult(corpus.dataSource(), Double.NaN, loop.bestStep(), Double.NaN, Double.NaN,
                    loop.tailLoss(), train.steps(), loop.trainMs(), median, loop.times().p90Ms(),
                    loop.times().medianCpuMs(),
                    tokensPerStep / (median / 1000), evalMs, model.parameterCount(), loop.curve(),
                    loop.bestValidation().perplexity(), test.perplexity(), test.bitsPerToken(),
                    String.join("; ", Stream.of(evaluationNote, CellTrainer.resumeNote(loop))
                            .filter(n -> !n.isEmpty()).toList()),
                    DataSummary.ofStreams(corpus.dataSource(), corpus.vocabSize(), java.util.Arrays.stream(SplitName.values())
                            .map(s -> corpus.stream(s).file()).toList()), null, null,
                    String.join(";", loop.times().flags()));
        }

        /** Validation perplexity; the listener gets the mean log-loss as the validation loss. */
        private TrainingLoop.Validation validate() {
            double nll = score(SplitName.VAL, corpus.stream(SplitName.VAL), cap(SplitName.VAL)).meanNll();
            return new TrainingLoop.Validation(-nll, Double.NaN, nll, Math.exp(nll));
        }

        private long cap(SplitName split) {
            return split == SplitName.VAL ? data.maxVal() : data.maxTest();
        }

        /** Negative log-likelihood of the first {@code limit} tokens of a split (all when 0), without dropout. */
        private LmMetrics score(SplitName split, TokenStream stream, long limit) {
            long length = limit == 0 ? stream.length() : Math.min(limit, stream.length());
            if (length < 2) {
                throw new IllegalArgumentException("The " + split.label() + " split of corpus '" + corpus.name()
                        + "' has " + length + " tokens; at least 2 are needed to score one.");
            }
            LmMetrics metrics = new LmMetrics();
            evaluator.evaluate(manager, length, stream::read, metrics::add, null);
            return metrics;
        }
    }
}
