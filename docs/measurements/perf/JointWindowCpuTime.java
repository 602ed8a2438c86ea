package org.fmmbench.baselines.attention;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import java.util.*;
import java.util.function.Function;

/**
 * The block-window near field (k = 5, b = 16, no key mask) with the key and value windows gathered by one embedding
 * lookup of the joined (B H N, 2d) table [k | v] ("joint") instead of two lookups ("local", a copy of the committed
 * algorithm; "gather" is {@link BandedSoftmax} itself). Thread CPU time of one forward + backward, rounds
 * interleaved, medians. Usage: JointWindowCpuTime N ROUNDS CAUSAL (N a multiple of 16).
 */
public class JointWindowCpuTime {
    static NDArray attend(AttentionInputs in, boolean joint) {
        boolean causal = in.settings().causal();
        long n = in.length(), d = in.headDim();
        int halo = 4, b = 16, blocks = (int) (n / b), width = b + (causal ? halo : 2 * halo);
        int seqs = (int) (in.batch() * in.heads());
        long[] rows = new long[seqs * blocks * width];
        float[] outside = new float[blocks * width];
        for (int s = 0; s < seqs; s++) for (int c = 0; c < blocks; c++) for (int t = 0; t < width; t++) {
            long p = (long) c * b - halo + t;
            rows[(s * blocks + c) * width + t] = s * n + Math.max(0, Math.min(n - 1, p));
            if (s == 0) outside[c * width + t] = p < 0 || p >= n ? SoftmaxScores.OUTSIDE : 0f;
        }
        float[] band = new float[b * width];
        for (int r = 0; r < b; r++) for (int t = 0; t < width; t++) {
            int o = t - halo - r;
            band[r * width + t] = (causal ? o <= 0 && o >= -halo : Math.abs(o) <= halo) ? 0f : SoftmaxScores.OUTSIDE;
        }
        NDManager m = in.q().getManager();
        NDArray idx = m.create(rows, new Shape(in.batch(), in.heads(), blocks, width));
        NDArray bias = m.create(outside, new Shape(1, 1, blocks, 1, width)).add(m.create(band, new Shape(b, width)));
        NDArray q = in.q().reshape(in.batch(), in.heads(), blocks, b, d);
        NDArray k, v;
        if (joint) {
            NDArray table = in.k().concat(in.v(), -1).reshape(seqs * n, 2 * d);
            NDArray win = table.getNDArrayInternal().embedding(idx, table, SparseFormat.DENSE).singletonOrThrow();
            k = win.get(":, :, :, :, :{}", d);
            v = win.get(":, :, :, :, {}:", d);
        } else {
            NDArray kt = in.k().reshape(seqs * n, d), vt = in.v().reshape(seqs * n, d);
            k = kt.getNDArrayInternal().embedding(idx, kt, SparseFormat.DENSE).singletonOrThrow();
            v = vt.getNDArrayInternal().embedding(idx, vt, SparseFormat.DENSE).singletonOrThrow();
        }
        NDArray scores = SoftmaxScores.scaleInPlace(q.matMul(k.swapAxes(3, 4)), d, causal);
        NDArray p = scores.addi(bias).softmax(-1);
        return p.matMul(v).reshape(in.batch(), in.heads(), n, d);
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), reps = Integer.parseInt(a[1]);
        boolean causal = Boolean.parseBoolean(a[2]);
        NDManager base = NDManager.newBaseManager();
        AttentionSettings s = new AttentionSettings(2, 32, causal, 0f);
        Shape sh = new Shape(1, 2, n, 32);
        Map<String, Function<AttentionInputs, NDArray>> fs = new LinkedHashMap<>();
        fs.put("gather", in -> BandedSoftmax.attend(in, 5, 0f, true));
        fs.put("local", in -> attend(in, false));
        fs.put("joint", in -> attend(in, true));
        CpuRounds.printDifferences(base, new Shape(1, 2, 64, 32), s, fs,
                in -> BandedSoftmax.attend(in, 5, 0f, false));
        CpuRounds.timeAndPrint(base, sh, s, fs, reps, n + "," + causal);
    }
}
