package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-causal far field of the official LRA code: phi(Q)/N^(1/4) (phi(K) m / N^(1/4))^T (V m) with no
 * denominator, so the net scale is 1/sqrt(N) for the padded length N. Padded keys and values are zeroed.
 * Cost O(N d^2): the (d, d) product of keys and values is formed first.
 */
final class ScaledFarField implements FarField {
    @Override
    public List<NDArray> attend(AttentionInputs in, List<FeatureMap> maps) {
        float rootOfRoot = (float) Math.sqrt(Math.sqrt(in.length()));
        NDArray mask = in.keyMask() == null ? null : in.keyMaskColumn();
        NDArray v = mask == null ? in.v() : in.v().mul(mask);
        List<NDArray> out = new ArrayList<>(maps.size());
        for (FeatureMap phi : maps) {
            NDArray fq = Scalars.over(phi.apply(in.q()), rootOfRoot);
            NDArray fk = phi.apply(in.k());
            if (mask != null) {
                fk = fk.mul(mask);
            }
            fk = Scalars.over(fk, rootOfRoot);
            out.add(fq.matMul(fk.swapAxes(2, 3).matMul(v)));
        }
        return out;
    }
}
