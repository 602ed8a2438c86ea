package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official code's attention written the plain way, with explicit N x N matrices: the yardstick for the
 * efficient variants. Independent of the production classes on purpose.
 */
final class DenseReference {
    private final NDArray q;
    private final NDArray k;
    private final NDArray v;
    private final NDArray mask;
    private final boolean causal;
    private final long n;
    private final long d;

    /** @param mask (B, N) of 1/0, or {@code null} */
    DenseReference(NDArray q, NDArray k, NDArray v, NDArray mask, boolean causal) {
        this.q = q;
        this.k = k;
        this.v = v;
        this.mask = mask;
        this.causal = causal;
        this.n = q.getShape().get(2);
        this.d = q.getShape().get(3);
    }

    /** Full softmax; with {@code band} > 0 the banded near field (official diag_size). */
    NDArray softmax(int band) {
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        // LRA code divides by sqrt(d); the language-model code multiplies by 1/sqrt(d).
        scores = causal
                ? scores.mul(constant((float) (1 / Math.sqrt(d))))
                : scores.div(constant((float) Math.sqrt(d)));
        if (mask != null) {
            NDArray penalty = mask.neg().add(1f).mul(1e6f);
            scores = scores.sub(penalty.reshape(mask.getShape().get(0), 1, 1, n));
        }
        float[] allowed = new float[(int) (n * n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean ok = causal ? j <= i : true;
                if (band > 0) {
                    ok &= causal ? j > i - band : Math.abs(i - j) < band;
                }
                allowed[(int) (i * n + j)] = ok ? 1f : 0f;
            }
        }
        NDArray bias = q.getManager().create(allowed, new Shape(n, n)).log(); // 0 or -inf
        return scores.add(bias).softmax(-1).matMul(v);
    }

    /** One far-field output per feature map name. */
    List<NDArray> far(List<String> kernels) {
        List<NDArray> out = new ArrayList<>();
        for (String kernel : kernels) {
            out.add(causal ? causalFar(kernel) : scaledFar(kernel));
        }
        return out;
    }

    /** LRA: phi(Q)/N^(1/4) (phi(K) m/N^(1/4))^T (V m), formed as an N x N product. */
    private NDArray scaledFar(String kernel) {
        NDArray root = constant((float) Math.sqrt(Math.sqrt(n)));
        NDArray fq = phi(q, kernel).div(root);
        NDArray fk = phi(k, kernel);
        NDArray vm = v;
        if (mask != null) {
            NDArray m = mask.reshape(mask.getShape().get(0), 1, n, 1);
            fk = fk.mul(m);
            vm = v.mul(m);
        }
        fk = fk.div(root);
        return fq.matMul(fk.transpose(0, 1, 3, 2)).matMul(vm);
    }

    /** Language model: sum-normalised features, inclusive causal sums, denominator + 1e-5, times 1/sqrt(d). */
    private NDArray causalFar(String kernel) {
        NDArray fq = phi(q, kernel);
        fq = fq.div(fq.sum(new int[] {3}, true));
        NDArray fk = phi(k, kernel);
        fk = fk.div(fk.sum(new int[] {3}, true));
        if (mask != null) {
            fk = fk.mul(mask.reshape(mask.getShape().get(0), 1, n, 1));
        }
        NDManager m = q.getManager();
        NDArray rows = m.arange(0f, n, 1f, DataType.FLOAT32);
        NDArray lower = rows.reshape(1, n).lte(rows.reshape(n, 1)).toType(DataType.FLOAT32, false);
        NDArray a = fq.matMul(fk.transpose(0, 1, 3, 2)).mul(lower);
        NDArray numerator = a.matMul(v);
        NDArray denominator = a.sum(new int[] {3}, true);
        return numerator.mul(constant((float) (1 / Math.sqrt(d)))).div(denominator.add(1e-5f));
    }

    /**
     * A natively allocated scalar: DJL's mul(Number)/div(Number) back the scalar with a Java buffer that can be
     * freed before backward reads it.
     */
    private NDArray constant(float value) {
        return q.getManager().full(new Shape(), value, DataType.FLOAT32);
    }

    static NDArray phi(NDArray x, String kernel) {
        switch (kernel) {
            case "elu":
                return Activation.elu(x, 1f).add(1f);
            case "elu_flip":
                return Activation.elu(x.neg(), 1f).add(1f);
            case "tanh":
                return x.tanh().add(1f);
            default:
                throw new IllegalArgumentException(kernel);
        }
    }

    /** The official kernel mixes; weights by parameter name. */
    static NDArray mixKernels(String kmix, List<NDArray> far, Map<String, NDArray> w) {
        NDArray out;
        switch (kmix) {
            case "fixed":
                NDArray share = far.get(0).getManager().full(new Shape(), 1f / far.size(), DataType.FLOAT32);
                out = far.get(0).mul(share);
                for (int i = 1; i < far.size(); i++) {
                    out = out.add(far.get(i).mul(share));
                }
                return out;
            case "learned_ab":
                out = far.get(0).mul(w.get("kernel_weight_1"));
                for (int i = 1; i < far.size(); i++) {
                    out = out.add(far.get(i).mul(w.get("kernel_weight_" + (i + 1))));
                }
                return out;
            case "learned_c":
                out = far.get(0);
                for (int i = 1; i < far.size(); i++) {
                    out = out.add(far.get(i).mul(w.get("kernel_weight_" + (i + 1))));
                }
                return out;
            default:
                throw new IllegalArgumentException(kmix);
        }
    }

    /** The official blend rules, written as in the official code. */
    static NDArray blend(String rule, NDArray near, NDArray far, Map<String, NDArray> w) {
        switch (rule) {
            case "mix":
                NDArray r = w.get("near_ratio");
                return near.mul(r).add(far.mul(r.neg().add(1f)));
            case "far_channel":
                return near.add(far.mul(w.get("far_weight")));
            case "per_head":
                return near.mul(w.get("near_weight")).add(far.mul(w.get("far_weight")));
            case "near_gate":
            case "near_channel":
                return near.mul(w.get("near_weight")).add(far);
            default:
                throw new IllegalArgumentException(rule);
        }
    }
}
