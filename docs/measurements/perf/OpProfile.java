package org.fmmbench.harness.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
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
import org.fmmbench.harness.train.OneCycleAdamW;
import org.fmmbench.harness.train.OneCycleSchedule;

/**
 * Per-operator profile of one workload, for op_profile.py: ROUNDS operations after WARMUP untimed ones, all under
 * PyTorch's autograd profiler (one Chrome trace, TRACE; "-" for none), and the thread CPU time of each operation on
 * stdout. Run it with TRACE "-" under `perf record -e cpu-clock:u` for a CPU-time view of the same operations (perf
 * samples only CPU time, so it is not inflated by what other tenants take; the trace's durations are wall time).
 * Each round prints "window,START,END" (System.nanoTime, CLOCK_MONOTONIC) around the operation, so that samples
 * of `perf record -k mono` can be kept to the operations (op_profile.py perf); the fixtures (random inputs) are
 * inside the window for the attention workloads and op_profile.py drops their symbols.
 * Usage: OpProfile attention SPEC N CAUSAL WARMUP ROUNDS TRACE   (B=1, H=2, d=32, fwd+bwd, loss sum(out * R))
 *        OpProfile step SPEC BATCH WARMUP ROUNDS TRACE            (the paper's ListOps model, as StepCpuTime builds it)
 */
public final class OpProfile {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] a) {
        boolean step = a[0].equals("step");
        int off = step ? 3 : 4;
        int warmup = Integer.parseInt(a[off]);
        int rounds = Integer.parseInt(a[off + 1]);
        String trace = a[off + 2];
        Runnable op = step ? modelStep(a[1], Integer.parseInt(a[2]))
                : attention(a[1], Integer.parseInt(a[2]), Boolean.parseBoolean(a[3]));
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        double[] ms = new double[rounds];
        boolean traced = !trace.equals("-");
        if (traced) {
            JniUtils.startProfile(false, false, false);
        }
        for (int i = 0; i < rounds; i++) {
            long t0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            op.run();
            long w1 = System.nanoTime();
            ms[i] = (MX.getCurrentThreadCpuTime() - t0) / 1e6;
            System.out.println("window," + w0 + "," + w1); // CLOCK_MONOTONIC: perf record -k mono
        }
        if (traced) {
            JniUtils.stopProfile(trace);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "# %s median thread cpu %.2f ms per op (under the profiler) all %s%n",
                String.join(" ", a), sorted[rounds / 2], Arrays.toString(ms));
    }

    private static Runnable attention(String spec, int n, boolean causal) {
        NDManager base = NDManager.newBaseManager();
        AttentionSettings settings = new AttentionSettings(2, 32, causal, 0f);
        Shape shape = new Shape(1, 2, n, 32);
        Attention block = VariantRegistry.load().create(spec, settings);
        block.initialize(base, DataType.FLOAT32, shape, shape, shape);
        ParameterStore store = new ParameterStore(base, false);
        return () -> {
            try (NDManager m = base.newSubManager()) {
                NDArray q = m.randomNormal(shape);
                NDArray k = m.randomNormal(shape);
                NDArray v = m.randomNormal(shape);
                NDArray up = m.randomNormal(shape);
                q.setRequiresGradient(true);
                k.setRequiresGradient(true);
                v.setRequiresGradient(true);
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray out = block.forward(store, new NDList(q, k, v), true).singletonOrThrow();
                    c.backward(out.mul(up).sum());
                }
            }
        };
    }

    private static Runnable modelStep(String spec, int batch) {
        LraTaskShape shape = LraTaskShape.of("listops");
        EncoderConfig config = EncoderConfig.paper(shape.vocabSize, shape.seqLength).variant(spec).build();
        Model model = Model.newInstance("train-step");
        model.setBlock(SequenceClassifier.create(shape.documents, config, shape.classes, VariantRegistry.load()));
        OneCycleAdamW optimizer = OneCycleAdamW.builder(new OneCycleSchedule(1e-4, 1_000_000, 100_000)).build();
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
        trainer.initialize(new Shape(batch, shape.seqLength));
        return () -> {
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList tokens = new NDList(scope.randomInteger(1, shape.vocabSize, new Shape(batch, shape.seqLength),
                        DataType.INT32));
                NDArray labels = scope.randomInteger(0, shape.classes, new Shape(batch), DataType.INT32);
                try (GradientCollector c = trainer.newGradientCollector()) {
                    NDList logits = trainer.forward(tokens);
                    c.backward(trainer.getLoss().evaluate(new NDList(labels), logits));
                }
                trainer.step();
            }
        };
    }
}
