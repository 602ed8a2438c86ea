package org.fmmbench.baselines.attention;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import java.util.*;
import java.util.function.Function;

/**
 * The near field (k = 5, B = 1, H = 2, d = 32) computed per band offset o = -(k-1) .. k-1 (causal: .. 0) over shifted
 * (N, d) views of the padded keys and values, no gather and no block windows, against the committed block-window
 * gather ({@link BandedSoftmax}): thread CPU time of one forward + backward, rounds interleaved, medians.
 * shiftsum: one (B, H, N, 2k-1, d) stack of the shifted keys (and values), scores = sum_d q * stack, softmax over
 * the offsets with out-of-range keys masked, output = sum_o p_o * shifted values; shiftbmm: the same stacks, the
 * two contractions as batched (1 x d) x (d x 2k-1) products; shiftloop: no stack, one (N, d) product per offset.
 * Prints the largest output difference to the gather on a short sequence first.
 * Usage: NearFieldShiftCpuTime N ROUNDS CAUSAL 'linear;gather;shiftsum;shiftbmm;shiftloop'
 */
public class NearFieldShiftCpuTime {
    /** (B,H,N,W,d) stack of x shifted by offsets o = t - h, t = 0..W-1 (zero outside). */
    static NDArray shifted(NDArray x, int h, int w, boolean causal) {
        long n = x.getShape().get(2);
        NDArray xp = x.pad(new Shape(0, 0, h, causal ? 0 : h), 0);
        NDList parts = new NDList();
        for (int t = 0; t < w; t++) parts.add(xp.get(":, :, {}:{}", t, t + n));
        return NDArrays.stack(parts, 3);
    }

    static NDArray bias(NDManager m, long n, int h, int w) {
        float[] b = new float[(int) n * w];
        for (int i = 0; i < n; i++) for (int t = 0; t < w; t++) {
            long p = i + t - h;
            b[i * w + t] = p < 0 || p >= n ? SoftmaxScores.OUTSIDE : 0f;
        }
        return m.create(b, new Shape(n, w));
    }

    static NDArray shiftSum(AttentionInputs in, boolean bmm) {
        boolean causal = in.settings().causal();
        long n = in.length(), d = in.headDim();
        int h = (int) Math.min(5, n) - 1, w = causal ? h + 1 : 2 * h + 1;
        NDArray ks = shifted(in.k(), h, w, causal), vs = shifted(in.v(), h, w, causal);
        NDArray scores = bmm ? in.q().expandDims(3).matMul(ks.swapAxes(3, 4)).squeeze(3)
                : in.q().expandDims(3).mul(ks).sum(new int[] {4});
        scores = SoftmaxScores.scaleInPlace(scores, d, causal);
        NDArray p = scores.addi(bias(in.q().getManager(), n, h, w)).softmax(-1);
        return bmm ? p.expandDims(3).matMul(vs).squeeze(3) : p.expandDims(4).mul(vs).sum(new int[] {3});
    }

    static NDArray shiftLoop(AttentionInputs in) {
        boolean causal = in.settings().causal();
        long n = in.length(), d = in.headDim();
        int h = (int) Math.min(5, n) - 1, w = causal ? h + 1 : 2 * h + 1;
        NDArray kp = in.k().pad(new Shape(0, 0, h, causal ? 0 : h), 0);
        NDArray vp = in.v().pad(new Shape(0, 0, h, causal ? 0 : h), 0);
        NDList s = new NDList();
        for (int t = 0; t < w; t++) s.add(in.q().mul(kp.get(":, :, {}:{}", t, t + n)).sum(new int[] {3}, true));
        NDArray scores = SoftmaxScores.scaleInPlace(NDArrays.concat(s, 3), d, causal);
        NDArray p = scores.addi(bias(in.q().getManager(), n, h, w)).softmax(-1);
        NDArray out = null;
        for (int t = 0; t < w; t++) {
            NDArray term = p.get(":, :, :, {}:{}", t, t + 1).mul(vp.get(":, :, {}:{}", t, t + n));
            out = out == null ? term : out.addi(term);
        }
        return out;
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), reps = Integer.parseInt(a[1]);
        boolean causal = Boolean.parseBoolean(a[2]);
        String[] wanted = a[3].split(";");
        NDManager base = NDManager.newBaseManager();
        AttentionSettings s = new AttentionSettings(2, 32, causal, 0f);
        Shape sh = new Shape(1, 2, n, 32);
        Map<String, Function<AttentionInputs, NDArray>> fs = new LinkedHashMap<>();
        for (String w : wanted) {
            switch (w) {
                case "gather" -> fs.put(w, in -> BandedSoftmax.attend(in, 5, 0f, true));
                case "shiftsum" -> fs.put(w, in -> shiftSum(in, false));
                case "shiftbmm" -> fs.put(w, in -> shiftSum(in, true));
                case "shiftloop" -> fs.put(w, NearFieldShiftCpuTime::shiftLoop);
                case "linear" -> { Attention b = VariantRegistry.load().create("linear", s); b.initialize(base, DataType.FLOAT32, sh, sh, sh);
                    var st = new ai.djl.training.ParameterStore(base, false);
                    fs.put(w, in -> b.forward(st, new NDList(in.q(), in.k(), in.v()), true).singletonOrThrow()); }
                default -> throw new IllegalArgumentException(w);
            }
        }
        CpuRounds.printDifferences(base, new Shape(1, 2, 37, 32), s, fs,
                in -> BandedSoftmax.attend(in, 5, 0f, false));
        CpuRounds.timeAndPrint(base, sh, s, fs, reps, n + "," + causal);
    }
}
