package org.fmmbench.harness.bench;

import ai.djl.Model;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.*;
import ai.djl.training.loss.Loss;
import java.lang.management.*;
import java.util.*;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.*;
import org.fmmbench.harness.train.*;

/**
 * Thread CPU time of one training step (forward, loss, backward, AdamW under OneCycle) of the paper's ListOps model,
 * built as LraTrainingStepBenchmark builds it, per variant; steps of the variants interleave. Usage:
 * StepCpuTime BATCH MEASURED_STEPS 'spec;spec;...' [PROFILE_PREFIX] (with a prefix, the last step of each variant
 * is also written as a PyTorch profiler trace PREFIX-variant.json). The first variant is the ratio's base.
 */
public class StepCpuTime {
    public static void main(String[] a) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String task = "listops";
        int batch = Integer.parseInt(a[0]);
        int steps = Integer.parseInt(a[1]);
        String profileOut = a.length > 3 ? a[3] : null;
        List<String> variants = Arrays.asList(a[2].split(";"));
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, Object[]> cells = new LinkedHashMap<>();
        LraTaskShape shape = LraTaskShape.of(task);
        for (String variant : variants) {
            EncoderConfig config = EncoderConfig.paper(shape.vocabSize, shape.seqLength).variant(variant).build();
            Model model = Model.newInstance("train-step");
            model.setBlock(SequenceClassifier.create(shape.documents, config, shape.classes, VariantRegistry.load()));
            TorchAdamW optimizer = TorchAdamW.oneCycle(new OneCycleSchedule(1e-4, 1_000_000, 100_000)).build();
            Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
            trainer.initialize(new Shape(batch, shape.seqLength));
            cells.put(variant, new Object[] {model, trainer});
            times.put(variant, new double[steps]);
        }
        for (int s = -1; s < steps; s++) {
            for (String variant : variants) {
                Trainer trainer = (Trainer) cells.get(variant)[1];
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDList tokens = new NDList(scope.randomInteger(1, shape.vocabSize, new Shape(batch, shape.seqLength), DataType.INT32));
                    NDArray labels = scope.randomInteger(0, shape.classes, new Shape(batch), DataType.INT32);
                    if (profileOut != null && s == steps - 1) JniUtils.startProfile(false, true, false);
                    long t0 = mx.getCurrentThreadCpuTime();
                    try (GradientCollector c = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(tokens);
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), logits);
                        c.backward(loss);
                    }
                    trainer.step();
                    long t1 = mx.getCurrentThreadCpuTime();
                    if (profileOut != null && s == steps - 1) JniUtils.stopProfile(profileOut + "-" + variant.replaceAll("[^a-z0-9]", "_") + ".json");
                    if (s >= 0) times.get(variant)[s] = (t1 - t0) / 1e6;
                }
            }
        }
        double base = 0;
        for (var e : times.entrySet()) {
            double[] t = e.getValue().clone(); Arrays.sort(t);
            double med = t[t.length / 2];
            if (base == 0) base = med;
            System.out.printf(Locale.ROOT, "%s: median cpu %.1f ms/step (%.2fx) all %s%n", e.getKey(), med, med / base, Arrays.toString(e.getValue()));
        }
    }
}
