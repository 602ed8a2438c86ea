package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.function.Function;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.copy.CopyTransformer;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.tasks.MaskedSequences;
import org.fmmbench.tasks.copy.CopySequences;

/**
 * The paper's causal copy task ({@link CopySequences}) as the official {@code causal-copy} driver trains it
 * ({@link MaskedSequenceWorkload}: RAdam with a per-parameter clip, fresh batches from the seeded generator, the
 * learning rate divided by 10 after the official 30 of 100 epochs, loss and accuracy over the separator and the
 * copied symbols only).
 *
 * <p>The model is {@link CopyTransformer}, laid out and initialised as the official copy model (a d/2 embedding
 * beside a d/2 sinusoidal code, post-LN layers, final LayerNorm, own output layer) over the 11-token vocabulary:
 * fmmbench's language model, with its tied N(0, 0.02) embedding, stayed at chance here (docs/experiments.md).
 */
public final class CopyWorkload extends MaskedSequenceWorkload {
    public static final String TASK = "copy";
    /** The paper's number of symbols. */
    static final int SYMBOLS = 10;
    static final int PAPER_LENGTH = 128;
    /** The official 30 of 100 epochs before the learning rate drops tenfold. */
    static final double DROP_FRACTION = 0.3;

    public CopyWorkload() {
        super(TASK, ReportSection.COPY, PAPER_LENGTH, DROP_FRACTION);
    }

    @Override
    protected MaskedSequences rows(int length, long seed) {
        return new CopySequences(length, SYMBOLS, seed);
    }

    /** Looks at a trained copy model before its memory is freed. */
    @FunctionalInterface
    public interface TrainedModelReader {
        void read(CopyTransformer model, ParameterStore store, NDManager manager) throws IOException;
    }

    /** Trains the cell, then hands the best-validation model to {@code reader} (the attention-map analysis). */
    public TrainResult train(CellConfig cell, TrainingListener listener, TrainedModelReader reader)
            throws IOException {
        return trainAndRead(cell, listener, Checkpointing.off(),
                (model, store, manager) -> reader.read((CopyTransformer) model, store, manager));
    }

    @Override
    protected SequenceModel model(LmConfig config, Function<AttentionSettings, Attention> attention,
            NDManager manager, int batch) {
        CopyTransformer copy = new CopyTransformer(config, attention);
        copy.initialize(manager, DataType.FLOAT32, new Shape(batch, config.context()));
        return new SequenceModel() {
            @Override
            public Block block() {
                return copy;
            }

            @Override
            public long parameterCount() {
                return copy.parameterCount();
            }

            @Override
            public NDArray targetLogProbs(ParameterStore store, NDArray inputs, NDArray targets) {
                return atTargets(copy.forward(store, new NDList(inputs), true).singletonOrThrow(), targets,
                        config.vocabSize());
            }

            @Override
            public NDArray logProbabilities(ParameterStore store, NDArray inputs) {
                return copy.forward(store, new NDList(inputs), false).singletonOrThrow();
            }
        };
    }
}
