package org.fmmbench.baselines.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.management.*;
import java.util.*;
import java.util.function.Function;

/**
 * Thread CPU time of one forward + backward (loss sum(out * R)) of attention pieces at (B, 2, N, 32), float32, one
 * intra-op thread. Each round runs every piece once (interleaved, so a slow phase of a shared machine hits all),
 * inputs are drawn outside the timed region; prints CSV: piece,B,N,causal,reps,median_ms,min_ms,max_ms,x_linear.
 * Pieces: a variant spec (through the registry, parameters as initialised; "spec#name1,name2#value" sets those
 * parameters to value first), "near" (BandedSoftmax k=5 alone) or "far2" (the elu+elu_flip far field alone).
 * Usage: AttentionCpuTime B N ROUNDS CAUSAL 'piece;piece;...' (put linear first for the ratio column).
 */
public class AttentionCpuTime {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] a) {
        int batch = Integer.parseInt(a[0]), n = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        boolean causal = Boolean.parseBoolean(a[3]);
        String[] wanted = a[4].split(";");
        NDManager base = NDManager.newBaseManager();
        AttentionSettings s = new AttentionSettings(2, 32, causal, 0f);
        Shape sh = new Shape(batch, 2, n, 32);
        VariantRegistry reg = VariantRegistry.load();
        Map<String, Function<AttentionInputs, NDArray>> fs = new LinkedHashMap<>();
        for (String w : wanted) {
            if (w.equals("far2")) {
                fs.put(w, in -> FarField.of(in.settings()).attend(in, List.of(FeatureMap.ELU, FeatureMap.ELU_FLIP), Arrays.asList(null, null), null));
            } else if (w.equals("near")) {
                fs.put(w, in -> BandedSoftmax.attend(in, 5, 0f, true));
            } else {
                Attention block = reg.create(w.split("#")[0], s);
                block.initialize(base, DataType.FLOAT32, sh, sh, sh);
                if (w.contains("#")) {
                    List<String> names = Arrays.asList(w.split("#")[1].split(","));
                    for (var pp : block.getParameters()) {
                        if (names.contains(pp.getKey())) { NDArray arr = pp.getValue().getArray(); arr.muli(0).addi(Float.parseFloat(w.split("#")[2])); }
                    }
                }
                ParameterStore store = new ParameterStore(base, false);
                fs.put(w, in -> block.forward(store, new NDList(in.q(), in.k(), in.v()), true).singletonOrThrow());
            }
        }
        Map<String, double[]> res = new LinkedHashMap<>();
        for (String k : fs.keySet()) res.put(k, new double[reps]);
        for (int r = -1; r < reps; r++) {
            for (var e : fs.entrySet()) {
                try (NDManager m = base.newSubManager()) {
                    NDArray q = m.randomNormal(sh), k = m.randomNormal(sh), v = m.randomNormal(sh), up = m.randomNormal(sh);
                    q.setRequiresGradient(true); k.setRequiresGradient(true); v.setRequiresGradient(true);
                    long t0 = MX.getCurrentThreadCpuTime();
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        NDArray out = e.getValue().apply(new AttentionInputs(q, k, v, null, s));
                        c.backward(out.mul(up).sum());
                    }
                    long t1 = MX.getCurrentThreadCpuTime();
                    if (r >= 0) res.get(e.getKey())[r] = (t1 - t0) / 1e6;
                }
            }
        }
        double lin = Double.NaN;
        for (var e : res.entrySet()) {
            double[] t = e.getValue().clone();
            Arrays.sort(t);
            double ms = t[reps / 2];
            if (e.getKey().equals("linear")) {
                lin = ms;
            }
            System.out.printf(Locale.ROOT, "%s,%d,%d,%s,%d,%.2f,%.2f,%.2f,%.2f%n", e.getKey().contains(",") ? '"' + e.getKey() + '"' : e.getKey(),
                    batch, n, causal, reps, ms, t[0], t[reps - 1], ms / lin);
        }
    }
}
