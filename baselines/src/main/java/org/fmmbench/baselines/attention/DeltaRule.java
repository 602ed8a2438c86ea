package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The fast-weight far field of the official language-model code ({@code fast_weight_memory}, attention types 24
 * and 202): with sum-normalised features fq, fk, a fast weight matrix M (d x d, starting at 0) is written at every
 * position by the delta rule and read by the query,
 * <pre>
 *   u_t = beta_t (v_t - fk_t M_{t-1}),   M_t = M_{t-1} + fk_t^T u_t,   out_t = (1/sqrt d) fq_t M_t / (fq_t . z_t + 1e-5)
 * </pre>
 * with z_t the sum of fk_1..fk_t (row vectors; beta_t in (0, 1) per head and position).
 *
 * <p>Computed in chunks of C positions instead of one step per position: within a chunk starting from M_0, the
 * pseudo-values U satisfy (I + diag(beta) L) U = diag(beta)(V - Fk M_0) with L the strictly lower part of
 * Fk Fk^T, a unit lower-triangular system solved by one batched inverse; then
 * out = Fq M_0 + tril(Fq Fk^T) U and M_C = M_0 + Fk^T U. Exact up to float rounding for any C (tests compare a
 * per-position loop).
 */
final class DeltaRule {
    /** Positions per chunk: one (B, H, C, C) inverse per chunk. */
    static final int CHUNK = 64;
    static final String MEMORY = "fw.memory";
    static final String KEY_SUM = "fw.keySum";
    private static final float EPS = 1e-5f;

    private DeltaRule() {
    }

    /**
     * The far field (B, H, N, d).
     *
     * @param fq sum-normalised query features (B, H, N, d)
     * @param fk sum-normalised key features (B, H, N, d)
     * @param v values (B, H, N, d)
     * @param beta write strengths (B, H, N, 1)
     * @param chunk positions per chunk, &gt;= 1
     * @param state the stream's carried M and z (advanced past these positions), or {@code null} for a whole
     *     sequence starting from M = 0
     */
    static NDArray attend(NDArray fq, NDArray fk, NDArray v, NDArray beta, int chunk, AttentionState state) {
        long n = fq.getShape().get(2);
        long d = fq.getShape().get(3);
        NDArray memory = state == null ? null : state.get(MEMORY);
        NDArray keySum = state == null ? null : state.get(KEY_SUM);
        // Chunks by split, not by slicing: one op, and its backward is a single concatenation.
        long[] boundaries = new long[(int) ((n - 1) / chunk)];
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] = (long) (i + 1) * chunk;
        }
        NDList qs = fq.split(boundaries, 2);
        NDList ks = fk.split(boundaries, 2);
        NDList vs = v.split(boundaries, 2);
        NDList bs = beta.split(boundaries, 2);
        NDManager m = fq.getManager();
        NDList outputs = new NDList();
        for (int i = 0; i < qs.size(); i++) {
            NDArray q = qs.get(i);
            NDArray k = ks.get(i);
            NDArray b = bs.get(i);
            int c = (int) q.getShape().get(2);
            NDArray kT = k.swapAxes(2, 3);
            NDArray system = k.matMul(kT).mul(triangle(m, c, false)).mul(b).add(m.eye(c));
            NDArray target = memory == null ? vs.get(i) : vs.get(i).sub(k.matMul(memory));
            NDArray u = system.inverse().matMul(target.mul(b));
            NDArray read = q.matMul(kT).mul(triangle(m, c, true)).matMul(u);
            if (memory != null) {
                read = read.add(q.matMul(memory));
            }
            memory = memory == null ? kT.matMul(u) : memory.add(kT.matMul(u));
            NDArray z = k.cumSum(2);
            NDArray chunkKeySum = k.sum(new int[] {2}, true);
            if (keySum != null) {
                z = z.add(keySum);
            }
            keySum = keySum == null ? chunkKeySum : chunkKeySum.add(keySum);
            NDArray denominator = q.mul(z).sum(new int[] {-1}, true).add(EPS);
            // Scalars, not mul(Number): autograd keeps the factor, and DJL's Number wrapper can be freed first.
            outputs.add(read.div(Scalars.times(denominator, (float) Math.sqrt(d))));
        }
        if (state != null) {
            state.put(MEMORY, memory);
            state.put(KEY_SUM, keySum);
        }
        return outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 2);
    }

    /** (C, C) with 1 on and below the diagonal ({@code inclusive}) or strictly below it. */
    private static NDArray triangle(NDManager manager, int c, boolean inclusive) {
        float[] mask = new float[c * c];
        for (int r = 0; r < c; r++) {
            for (int t = 0; t <= (inclusive ? r : r - 1); t++) {
                mask[r * c + t] = 1f;
            }
        }
        return manager.create(mask, new Shape(c, c));
    }
}
