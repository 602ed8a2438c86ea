package org.fmmbench.baselines.attention;

/**
 * What one attention call must at least compute and move, for a roofline: the FLOPs of its matrix products
 * (a multiply-add counts 2; elementwise work such as exp or feature maps is not counted) and the bytes it must
 * read and write even with perfect reuse (its inputs and outputs, once). Both are lower bounds: an
 * implementation is judged by how far above max(FLOPs / peak FLOP/s, bytes / peak bandwidth) its time lies.
 *
 * @param flops NaN when the variant does not declare them
 * @param bytes NaN when the variant does not declare them
 */
public record AttentionCost(double flops, double bytes) {
    /** For variants that declare nothing (the default of {@link AttentionProvider#cost}). */
    public static final AttentionCost UNKNOWN = new AttentionCost(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(flops) && !Double.isNaN(bytes);
    }

    /**
     * The cost of a variant whose forward pass is matrix products of {@code forwardFlopsPerSequence} FLOPs on
     * each of the B H sequences. Backward computes two products of the same size for each forward product (the
     * gradients of both operands), so forward + backward is three times the forward FLOPs. The bytes are the
     * arrays that must cross memory at least once: q, k, v and the output (forward); and in addition the output
     * gradient and the gradients of q, k, v (forward + backward).
     */
    public static AttentionCost ofProducts(AttentionShape shape, double forwardFlopsPerSequence) {
        double flops = shape.sequences() * forwardFlopsPerSequence * (shape.backward() ? 3 : 1);
        double arrays = shape.backward() ? 8 : 4;
        double bytes = arrays * shape.sequences() * shape.length() * shape.headDim() * AttentionShape.ELEMENT_BYTES;
        return new AttentionCost(flops, bytes);
    }

    /** Forward FLOPs per sequence of softmax over {@code pairs} query-key pairs: scores and weighted values. */
    static double softmaxProducts(AttentionShape shape, long pairs) {
        return 4.0 * pairs * shape.headDim();
    }

    /**
     * Forward FLOPs per sequence of the far field with {@code kernels} feature maps: per map the (d, d) state
     * phi(K)^T V and its product with phi(Q); causal adds the normaliser (phi(K) sums, their dot with phi(Q)).
     */
    static double farFieldProducts(AttentionShape shape, int kernels) {
        double n = shape.length();
        double d = shape.headDim();
        return kernels * (4 * n * d * d + (shape.causal() ? 4 * n * d : 0));
    }
}
