package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The causal far field of the official language-model code: with sum-normalised features
 * fq = phi(q)/sum(phi(q)) and fk = phi(k)/sum(phi(k)),
 * out_i = (1/sqrt d) (sum_{j<=i} (fq_i . fk_j) v_j) / (fq_i . sum_{j<=i} fk_j + 1e-5).
 *
 * <p>Computed in chunks of C positions so that no (N, d, d) prefix-sum state is materialised: within a chunk a
 * causally masked (C, C) product, across chunks a carried state, the exclusive prefix sum over chunks of each
 * chunk's fk^T v (d, d) and of its sum of fk (for the denominator). Padded keys (mask 0) contribute nothing.
 */
final class CausalFarField implements FarField {
    /** Positions per chunk; chosen by timing C = 32..256 (README "Attention variants"). */
    static final int CHUNK = 64;
    private static final float EPS = 1e-5f;

    @Override
    public NDArray attend(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight) {
        return attend(in, maps, weights, farWeight, null);
    }

    /**
     * The far field of the next positions of a stream, for {@link RecurrentAttention}: per kernel, the state
     * carries v^T fk and the sum of fk over every earlier position, is added to each chunk's prefix sums, and is
     * advanced by this input's totals.
     */
    NDArray attendNext(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight,
            AttentionState state) {
        return attend(in, maps, weights, farWeight, state);
    }

    /** @param state the carried sums, or {@code null} when the input is a whole sequence */
    private NDArray attend(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight,
            AttentionState state) {
        long n = in.length();
        long d = in.headDim();
        int c = (int) Math.min(CHUNK, n);
        long chunks = (n + c - 1) / c;
        long tail = chunks * c - n;
        Shape chunked = new Shape(in.batch(), in.heads(), chunks, c, d);
        NDArray v = padTail(in.v(), tail, 0).reshape(chunked);
        NDArray vT = v.swapAxes(3, 4);
        NDArray lowerTriangle = lowerTriangle(in, c);
        float scale = (float) (1 / Math.sqrt(d));

        NDArray sum = null;
        for (int i = 0; i < maps.size(); i++) {
            FeatureMap phi = maps.get(i);
            // fq = phi(q)/sq is never formed: scaling numerator and denominator by sq gives the same far field
            // with eps * sq in place of eps, and saves a (B, H, N, d) division with its backward.
            NDArray fq = phi.apply(in.q());
            NDArray qSum = fq.sum(new int[] {-1}, true);
            NDArray fkPhi = phi.apply(in.k());
            NDArray keyFactor = Scalars.dividedBy(1f, fkPhi.sum(new int[] {-1}, true));
            if (in.keyMask() != null) {
                keyFactor = keyFactor.mul(in.keyMaskColumn());
            }
            NDArray fk = fkPhi.mul(keyFactor);
            // Padding at the end comes after every real query, so it never enters a real output.
            fq = padTail(fq, tail, 0).reshape(chunked);
            fk = padTail(fk, tail, 0).reshape(chunked);
            // Padded query rows get sum 1 so that their (discarded) factor stays finite and backward has no NaN.
            qSum = padTail(qSum, tail, 1).reshape(in.batch(), in.heads(), chunks, c, 1);
            NDArray local = fq.matMul(fk.swapAxes(3, 4)).mul(lowerTriangle);
            // The state is carried transposed, v^T fk, so that fk's gradient from it is contiguous.
            NDArray chunkStateT = vT.matMul(fk);
            NDArray chunkKeySum = fk.sum(new int[] {3}, true);
            NDArray stateT = exclusivePrefixSum(chunkStateT, chunks);
            NDArray keySum = exclusivePrefixSum(chunkKeySum, chunks);
            if (state != null) {
                String stateName = "far" + i + ".stateT";
                String keySumName = "far" + i + ".keySum";
                NDArray carriedStateT = state.get(stateName);
                NDArray carriedKeySum = state.get(keySumName);
                NDArray totalStateT = chunkStateT.sum(new int[] {2}, true);
                NDArray totalKeySum = chunkKeySum.sum(new int[] {2}, true);
                if (carriedStateT != null) {
                    // (B, H, 1, ..) broadcasts over the chunk axis; the per-step array first keeps the manager.
                    stateT = stateT.add(carriedStateT);
                    keySum = keySum.add(carriedKeySum);
                    totalStateT = totalStateT.add(carriedStateT);
                    totalKeySum = totalKeySum.add(carriedKeySum);
                }
                state.put(stateName, totalStateT);
                state.put(keySumName, totalKeySum);
            }
            NDArray keySumT = keySum.swapAxes(3, 4);

            NDArray numerator = local.matMul(v).add(fq.matMul(stateT.swapAxes(3, 4)));
            NDArray denominator = local.sum(new int[] {4}, true).add(fq.matMul(keySumT));
            // scale * weight / (denominator + eps) is (.., C, 1): cheaper than scaling the (.., C, d) numerator.
            NDArray factor = Scalars.dividedBy(scale, denominator.add(Scalars.times(qSum, EPS)));
            if (weights.get(i) != null) {
                factor = factor.mul(weights.get(i));
            }
            NDArray far = numerator.mul(factor);
            sum = sum == null ? far : sum.add(far);
        }
        sum = sum.reshape(in.batch(), in.heads(), chunks * c, d);
        sum = tail == 0 ? sum : sum.get(":, :, :{}", n);
        return farWeight == null ? sum : sum.mul(farWeight);
    }

    private static NDArray padTail(NDArray x, long tail, float value) {
        return tail == 0 ? x : x.pad(new Shape(0, 0, 0, tail), value);
    }

    /** Sum over the chunks strictly before each chunk (axis 2), without the cancellation of cumsum - x. */
    private static NDArray exclusivePrefixSum(NDArray perChunk, long chunks) {
        return perChunk.cumSum(2).pad(new Shape(0, 0, 0, 0, 1, 0), 0).get(":, :, :{}", chunks);
    }

    /** (C, C) with 1 where key slot &lt;= query row, including the diagonal. */
    private static NDArray lowerTriangle(AttentionInputs in, int c) {
        float[] mask = new float[c * c];
        for (int r = 0; r < c; r++) {
            for (int t = 0; t <= r; t++) {
                mask[r * c + t] = 1f;
            }
        }
        return in.q().getManager().create(mask, new Shape(c, c));
    }
}
