package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant that are safe under autograd.
 *
 * <p>DJL's PyTorch {@code mul(Number)} / {@code div(Number)} wrap the number in a tensor that shares the memory
 * of a Java direct buffer and close it right after the op. Autograd keeps that tensor for backward; once the
 * garbage collector frees the buffer, backward reads garbage (seen here as gradients of 1e18 after a GC between
 * forward and backward). A scalar made by {@code full} owns its memory, so autograd's reference keeps it alive.
 */
final class Scalars {
    private Scalars() {}

    static NDArray times(NDArray x, float value) {
        return x.mul(constant(x, value));
    }

    static NDArray over(NDArray x, float value) {
        return x.div(constant(x, value));
    }

    /** value / x. */
    static NDArray dividedBy(float value, NDArray x) {
        return constant(x, value).div(x);
    }

    /** A scalar () of {@code like}'s type in {@code like}'s manager. */
    static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
