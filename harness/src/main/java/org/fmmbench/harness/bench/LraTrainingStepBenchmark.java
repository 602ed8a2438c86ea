package org.fmmbench.harness.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.fmmbench.harness.train.OneCycleSchedule;
import org.fmmbench.harness.train.TorchAdamW;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step (forward, loss, backward, AdamW under OneCycle) of an LRA task's paper model (2 layers,
 * dim 64, MLP 128, 2 heads of 32, dropout 0.1) with the given attention variant, on random tokens.
 *
 * <p>The step is the engine's: same model, same optimiser, one NDManager scope per step. Tokens and labels are
 * drawn per invocation outside the measured region. Tokens per second = B x N x documents / step time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Djava.awt.headless=true"})
public class LraTrainingStepBenchmark {

    /** The model and trainer of one (task, variant, batch). */
    @State(Scope.Thread)
    public static class ModelCell {
        /** LRA task whose paper model and input shape are used. */
        @Param({"listops", "text", "retrieval", "image", "pathfinder"})
        public String task;

        /** Attention variant spec, resolved through the variant registry. */
        @Param({"softmax", "linear", "band:k=5", "fmm:k=5,kernels=elu+elu_flip"})
        public String variant;

        /** Batch size; the paper's (32 or 256) makes softmax steps take minutes on a CPU. */
        @Param("8")
        public int batch;

        private LraTaskShape shape;
        private Model model;
        private Trainer trainer;
        private NDManager scope;
        NDList tokens;
        NDArray labels;

        @Setup(Level.Trial)
        public void build() {
            WorkerThreads.prepare();
            shape = LraTaskShape.of(task);
            EncoderConfig config = EncoderConfig.paper(shape.vocabSize, shape.seqLength).variant(variant).build();
            model = Model.newInstance("train-step");
            model.setBlock(SequenceClassifier.create(shape.documents, config, shape.classes, VariantRegistry.load()));
            // A long schedule: the benchmark's few hundred steps all stay in the warm-up phase, as early training does.
            TorchAdamW optimizer = TorchAdamW.oneCycle(new OneCycleSchedule(1e-4, 1_000_000, 100_000)).build();
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
            Shape[] inputs = new Shape[shape.documents];
            Arrays.fill(inputs, new Shape(batch, shape.seqLength));
            trainer.initialize(inputs);
        }

        @Setup(Level.Invocation)
        public void drawBatch() {
            scope = trainer.getManager().newSubManager();
            tokens = new NDList();
            for (int d = 0; d < shape.documents; d++) {
                // Ids from 1: 0 is padding, and a fully real sequence is the worst case for every variant.
                tokens.add(scope.randomInteger(1, shape.vocabSize, new Shape(batch, shape.seqLength), DataType.INT32));
            }
            labels = scope.randomInteger(0, shape.classes, new Shape(batch), DataType.INT32);
        }

        @TearDown(Level.Invocation)
        public void release() {
            scope.close();
        }

        @TearDown(Level.Trial)
        public void close() {
            trainer.close();
            model.close();
        }

        Trainer trainer() {
            return trainer;
        }

        /** Tokens one step processes: B x N x documents. */
        public long tokensPerStep() {
            return (long) batch * shape.seqLength * shape.documents;
        }
    }

    @Benchmark
    public NDArray step(ModelCell cell) {
        long cpu = OperationCpuTime.start();
        NDArray loss;
        try (GradientCollector collector = cell.trainer().newGradientCollector()) {
            NDList logits = cell.trainer().forward(cell.tokens);
            loss = cell.trainer().getLoss().evaluate(new NDList(cell.labels), logits);
            collector.backward(loss);
        }
        cell.trainer().step();
        OperationCpuTime.stop(cpu);
        return loss;
    }
}
