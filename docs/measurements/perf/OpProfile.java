package org.fmmbench.harness.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.fmmbench.harness.train.TorchAdamW;
import org.fmmbench.harness.train.OneCycleSchedule;

/**
 * Per-kernel CPU profile of one workload, for op_profile.py: ROUNDS operations after WARMUP untimed ones, each
 * round's inputs drawn first, then "window,START,END" (System.nanoTime, CLOCK_MONOTONIC) printed around the
 * operation, so that the samples of `perf record -k mono -e cpu-clock:u` can be kept to the operations; the thread
 * CPU time of each operation at the end. perf samples only CPU time, so it is not inflated by what other tenants
 * take. (PyTorch's autograd profiler, JniUtils.startProfile, also runs here, but its event durations are wall
 * time and it multiplied linear attention's thread CPU at N = 4,096 by about 8, so it is not used.)
 * Usage: OpProfile attention SPEC N CAUSAL WARMUP ROUNDS   (B=1, H=2, d=32, fwd+bwd, loss sum(out * R))
 *        OpProfile step SPEC BATCH WARMUP ROUNDS            (the paper's ListOps model, as StepCpuTime builds it)
 */
public final class OpProfile {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] a) {
        boolean step = a[0].equals("step");
        int off = step ? 3 : 4;
        int warmup = Integer.parseInt(a[off]);
        int rounds = Integer.parseInt(a[off + 1]);
        Workload op = step ? modelStep(a[1], Integer.parseInt(a[2]))
                : attention(a[1], Integer.parseInt(a[2]), Boolean.parseBoolean(a[3]));
        for (int i = 0; i < warmup; i++) {
            op.prepare();
            op.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            op.prepare(); // random inputs, outside the window and the timed region
            long t0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            op.run();
            long w1 = System.nanoTime();
            ms[i] = (MX.getCurrentThreadCpuTime() - t0) / 1e6;
            System.out.println("window," + w0 + "," + w1); // CLOCK_MONOTONIC: perf record -k mono
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "# %s median thread cpu %.2f ms per op all %s%n",
                String.join(" ", a), sorted[rounds / 2], Arrays.toString(ms));
    }

    /** Inputs drawn by {@link #prepare()}, then one operation on them by {@link #run()}. */
    private interface Workload {
        void prepare();

        void run();
    }

    private static Workload attention(String spec, int n, boolean causal) {
        NDManager base = NDManager.newBaseManager();
        AttentionSettings settings = new AttentionSettings(2, 32, causal, 0f);
        Shape shape = new Shape(1, 2, n, 32);
        Attention block = VariantRegistry.load().create(spec, settings);
        block.initialize(base, DataType.FLOAT32, shape, shape, shape);
        ParameterStore store = new ParameterStore(base, false);
        return new Workload() {
            private NDManager m;
            private NDArray q;
            private NDArray k;
            private NDArray v;
            private NDArray up;

            @Override
            public void prepare() {
                m = base.newSubManager();
                q = m.randomNormal(shape);
                k = m.randomNormal(shape);
                v = m.randomNormal(shape);
                up = m.randomNormal(shape);
                q.setRequiresGradient(true);
                k.setRequiresGradient(true);
                v.setRequiresGradient(true);
            }

            @Override
            public void run() {
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray out = block.forward(store, new NDList(q, k, v), true).singletonOrThrow();
                    c.backward(out.mul(up).sum());
                }
                m.close();
            }
        };
    }

    private static Workload modelStep(String spec, int batch) {
        LraTaskShape shape = LraTaskShape.of("listops");
        EncoderConfig config = EncoderConfig.paper(shape.vocabSize, shape.seqLength).variant(spec).build();
        Model model = Model.newInstance("train-step");
        model.setBlock(SequenceClassifier.create(shape.documents, config, shape.classes, VariantRegistry.load()));
        TorchAdamW optimizer = TorchAdamW.oneCycle(new OneCycleSchedule(1e-4, 1_000_000, 100_000)).build();
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
        trainer.initialize(new Shape(batch, shape.seqLength));
        return new Workload() {
            private NDManager scope;
            private NDList tokens;
            private NDArray labels;

            @Override
            public void prepare() {
                scope = trainer.getManager().newSubManager();
                tokens = new NDList(scope.randomInteger(1, shape.vocabSize, new Shape(batch, shape.seqLength),
                        DataType.INT32));
                labels = scope.randomInteger(0, shape.classes, new Shape(batch), DataType.INT32);
            }

            @Override
            public void run() {
                try (GradientCollector c = trainer.newGradientCollector()) {
                    NDList logits = trainer.forward(tokens);
                    c.backward(trainer.getLoss().evaluate(new NDList(labels), logits));
                }
                trainer.step();
                scope.close();
            }
        };
    }
}
