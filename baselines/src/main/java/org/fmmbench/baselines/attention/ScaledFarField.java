package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The non-causal far field of the official LRA code: phi(Q)/N^(1/4) (phi(K) m / N^(1/4))^T (V m) with no
 * denominator, so the net scale is 1/sqrt(N) for the padded length N. Padded keys and values are zeroed.
 *
 * <p>Cost O(N d^2). Equal in exact arithmetic to the official order of operations, but arranged so that few
 * (B, H, N, d) arrays are made: the mask is applied to V only (m is 0/1, so masking phi(K) as well changes
 * nothing), and the 1/sqrt(N) scale, the kernel weight and the blend's far weight multiply the (d, d)
 * state. The state is formed as
 * (V m)^T phi(K) rather than phi(K)^T (V m) so that the gradient reaching phi(K), and through it the feature
 * map's backward, is contiguous (a transposed gradient made that backward several times slower).
 */
final class ScaledFarField implements FarField {
    @Override
    public NDArray attend(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight) {
        float scale = (float) (1 / Math.sqrt(in.length()));
        NDArray v = in.keyMask() == null ? in.v() : in.v().mul(in.keyMaskColumn());
        NDArray vT = v.swapAxes(2, 3);
        NDArray sum = null;
        for (int i = 0; i < maps.size(); i++) {
            FeatureMap phi = maps.get(i);
            // (d_k, d_v): rows are features, columns output channels, so any far weight broadcasts as is.
            NDArray state = Scalars.times(vT.matMul(phi.apply(in.k())), scale).swapAxes(2, 3);
            if (weights.get(i) != null) {
                state = state.mul(weights.get(i));
            }
            if (farWeight != null) {
                state = state.mul(farWeight);
            }
            NDArray far = phi.apply(in.q()).matMul(state);
            sum = sum == null ? far : sum.add(far);
        }
        return sum;
    }
}
