package org.fmmbench.baselines.lm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * Not a test: prints ms per training step (forward + backward + Adam update of every parameter) of the paper's
 * LM for each row. Usage: {@code LmStepTiming [batch] [context] [vocab] [measuredSteps] [spec ...]}.
 * Targets follow a Zipf(1) law over the vocabulary so that the adaptive softmax sees word-like cluster traffic.
 */
public final class LmStepTiming {
    private LmStepTiming() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int context = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int vocab = args.length > 2 ? Integer.parseInt(args[2]) : 267_735;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String[] specs = args.length > 4 ? Arrays.copyOfRange(args, 4, args.length)
                : LmRows.PAPER.stream().map(LmRows.Row::spec).toArray(String[]::new);
        VariantRegistry registry = VariantRegistry.load();
        SplittableRandom random = new SplittableRandom(1);
        int[] x = zipf(random, batch * context, vocab);
        int[] y = zipf(random, batch * context, vocab);
        System.out.printf("threads=%d batch=%d context=%d vocab=%d%n",
                Engine.getInstance().getEngineName().length() > 0 ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : 0, batch, context, vocab);
        for (String spec : specs) {
            try (NDManager m = NDManager.newBaseManager()) {
                LmConfig config = LmConfig.paper(vocab, spec).withContext(context);
                TransformerLm lm = TransformerLm.create(config, registry);
                lm.initialize(m, DataType.FLOAT32, new Shape(batch, context), new Shape(batch, context));
                ParameterStore ps = new ParameterStore(m, false);
                Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(2.5e-4f)).build();
                double[] ms = new double[steps];
                double[] parts = new double[3];
                double[] cpu = new double[steps];
                for (int s = -1; s < steps; s++) {
                    long t0 = System.nanoTime();
                    long c0 = processCpuNanos();
                    try (NDManager sm = m.newSubManager()) {
                        NDArray tokens = sm.create(x, new Shape(batch, context));
                        NDArray targets = sm.create(y, new Shape(batch, context));
                        long t1;
                        long t2;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray loss = lm.forward(ps, new NDList(tokens, targets), true).singletonOrThrow()
                                    .neg().mean();
                            loss.getFloat();
                            t1 = System.nanoTime();
                            gc.backward(loss);
                            t2 = System.nanoTime();
                        }
                        if (s >= 0) {
                            parts[0] += (t1 - t0) / 1e6 / steps;
                            parts[1] += (t2 - t1) / 1e6 / steps;
                        }
                        for (var p : lm.getParameters()) {
                            NDArray w = p.getValue().getArray();
                            NDArray g = w.getGradient();
                            g.tempAttach(sm);
                            adam.update(p.getValue().getId(), w, g);
                        }
                    }
                    if (s >= 0) {
                        ms[s] = (System.nanoTime() - t0) / 1e6;
                        cpu[s] = (processCpuNanos() - c0) / 1e6;
                        parts[2] += ms[s] / steps;
                    }
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                System.out.printf("%-62s params=%,d  wall ms/step min=%.0f all=%s  process CPU ms/step min=%.0f"
                        + "  (wall mean: forward %.0f, backward %.0f, Adam %.0f)%n", spec, lm.parameterCount(),
                        ms[0], Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()), cpu[0],
                        parts[0], parts[1], parts[2] - parts[0] - parts[1]);
            }
        }
    }

    /** CPU time of the whole process: with one intra-op thread this is the step's work, whatever else runs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int[] zipf(SplittableRandom r, int n, int vocab) {
        double h = 0;
        for (int k = 1; k <= vocab; k++) {
            h += 1.0 / k;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * h;
            int k = 1;
            double acc = 1;
            while (acc < u && k < vocab) {
                k++;
                acc += 1.0 / k;
            }
            out[i] = k - 1;
        }
        return out;
    }
}
