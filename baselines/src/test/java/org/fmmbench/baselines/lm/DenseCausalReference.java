package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Dense O(N²) causal attention of the official LM (fmmformer.md §1b) for testing the model without the
 * {@code attn} branch: near field = softmax over the last {@code band} keys (0 = all keys), far field = the
 * sum-normalised feature-map form with a causal denominator times 1/√d, blend {@code w ⊙ near + far} with one
 * weight per channel. The blend weight is random here (the official init is 0) so that both fields matter.
 */
final class DenseCausalReference extends Attention {
    enum Family { SOFTMAX, BAND, LINEAR, FMM }

    private final Family family;
    private final int band;
    private final Parameter blend;

    DenseCausalReference(Family family, int band, AttentionSettings settings) {
        super((byte) 1, VariantSpec.of("dense-" + family.name().toLowerCase(), Map.of()), settings);
        this.family = family;
        this.band = band;
        this.blend = family == Family.FMM
                ? addParameter(Parameter.builder().setName("blend").setType(Parameter.Type.OTHER)
                        .optShape(new Shape(1, settings.heads(), 1, settings.headDim()))
                        .optInitializer(new NormalInitializer(1f)).build())
                : null;
    }

    static List<Family> families() {
        return List.of(Family.values());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray q = inputs.get(0);
        NDArray k = inputs.get(1);
        NDArray v = inputs.get(2);
        int n = (int) q.getShape().get(2);
        int d = (int) q.getShape().get(3);
        NDManager m = q.getManager();
        switch (family) {
            case SOFTMAX:
                return new NDList(near(q, k, v, mask(m, n, 0), d));
            case BAND:
                return new NDList(near(q, k, v, mask(m, n, band), d));
            case LINEAR:
                return new NDList(far(q, k, v, mask(m, n, 0), d));
            default:
                NDArray w = store.getValue(blend, q.getDevice(), training);
                return new NDList(near(q, k, v, mask(m, n, band), d).mul(w).add(far(q, k, v, mask(m, n, 0), d)));
        }
    }

    /** (N, N) with 1 where key j is visible from query i: j ≤ i and, if band > 0, j > i − band. */
    private static NDArray mask(NDManager m, int n, int band) {
        float[] a = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = band == 0 || j > i - band ? 1f : 0f;
            }
        }
        return m.create(a, new Shape(n, n));
    }

    private static NDArray near(NDArray q, NDArray k, NDArray v, NDArray mask, int d) {
        NDArray s = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(d)).add(mask.log());
        return s.softmax(-1).matMul(v);
    }

    private static NDArray far(NDArray q, NDArray k, NDArray v, NDArray mask, int d) {
        NDArray fq = Activation.elu(q, 1f).add(1f);
        fq = fq.div(fq.sum(new int[] {3}, true));
        NDArray fk = Activation.elu(k, 1f).add(1f);
        fk = fk.div(fk.sum(new int[] {3}, true));
        NDArray a = fq.matMul(fk.transpose(0, 1, 3, 2)).mul(mask);
        return a.matMul(v).div(a.sum(new int[] {3}, true).add(1e-5f)).mul(1.0 / Math.sqrt(d));
    }
}
