package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The non-causal far field of the official LRA code: phi(Q)/N^(1/4) (phi(K) m / N^(1/4))^T (V m) with no
 * denominator, so the net scale is 1/sqrt(N) for the padded length N. Padded keys and values are zeroed.
 *
 * <p>Cost O(N r d^2) for r feature maps. Equal in exact arithmetic to the official order of operations, but
 * arranged so that few (B, H, N, d) arrays are made:
 * <ul>
 *   <li>With no denominator, sum_l c_l phi_l(Q) (phi_l(K)^T V) is one linear attention with concatenated
 *       features [phi_1(Q) | ... | phi_r(Q)] (c_1 phi_1(K) | ... | c_r phi_r(K)]^T V: one (r d, d) state, one
 *       matMul to form it and one to read it, instead of r of each.
 *   <li>The constant 1 of phi = g + 1 (g = elu or tanh) never touches an (N, r d) array: phi(K)^T V is
 *       g(K)^T V plus the column sums of V in every row, and phi(Q) S is g(Q) S plus the column sums of S in
 *       every row. This saves an add over each feature array, and two such arrays held for backward.
 *   <li>The mask is applied to V only (m is 0/1, so masking phi(K) as well changes nothing).
 *   <li>The 1/sqrt(N) scale, the kernel weights c_l and the blend's far weight multiply the state rows.
 *   <li>The state is formed as (V m)^T phi(K) rather than phi(K)^T (V m) so that the gradient reaching phi(K),
 *       and through it the feature map's backward, is contiguous (a transposed gradient made that backward
 *       several times slower).
 * </ul>
 */
final class ScaledFarField implements FarField {
    @Override
    public NDArray attend(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight) {
        NDArray v = in.keyMask() == null ? in.v() : in.v().mul(in.keyMaskColumn());
        // (r d_k, d_v): rows are features, columns output channels, so any far weight broadcasts as is.
        NDArray state = v.swapAxes(2, 3).matMul(FeatureMap.concatenatedMinusOne(maps, in.k())).swapAxes(2, 3)
                .add(v.sum(new int[] {2}, true));
        state = rowWeights(in, maps.size(), weights, state);
        if (farWeight != null) {
            state = state.mul(farWeight);
        }
        return FeatureMap.concatenatedMinusOne(maps, in.q()).matMul(state).addi(state.sum(new int[] {2}, true));
    }

    /** Multiplies the rows of kernel l's (d, d) block of the state by 1/sqrt(N) c_l. */
    private static NDArray rowWeights(AttentionInputs in, int kernels, List<NDArray> weights, NDArray state) {
        NDArray scale = Scalars.constant(in.q(), (float) (1 / Math.sqrt(in.length()))).reshape(1);
        NDArray factors = null;
        for (NDArray w : weights) {
            // The per-step scale on the left, so each factor belongs to the step's manager.
            NDArray factor = w == null ? scale : scale.mul(w.reshape(1));
            factors = factors == null ? factor : factors.concat(factor);
        }
        if (kernels == 1) {
            return state.mul(factors);
        }
        long d = in.headDim();
        return state.reshape(in.batch(), in.heads(), kernels, d, d).mul(factors.reshape(kernels, 1, 1))
                .reshape(in.batch(), in.heads(), kernels * d, d);
    }
}
