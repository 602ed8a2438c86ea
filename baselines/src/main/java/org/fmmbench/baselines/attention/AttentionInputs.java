package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The checked input of an attention block: q, k, v of shape (B, H, N, d) and an optional key mask (B, N).
 *
 * <p>Public so that variants in other jars can check their input the same way.
 *
 * @param keyMask 1 for real keys, 0 for padding; {@code null} when nothing is padded
 */
public record AttentionInputs(NDArray q, NDArray k, NDArray v, NDArray keyMask, AttentionSettings settings) {

    /** Checks the shapes against each other and against {@code settings}, naming what is wrong. */
    public static AttentionInputs unpack(NDList inputs, AttentionSettings settings) {
        if (inputs.size() != 3 && inputs.size() != 4) {
            throw new IllegalArgumentException("Attention expects q, k, v and optionally a key mask, got "
                    + inputs.size() + " arrays.");
        }
        NDArray q = inputs.get(0);
        NDArray k = inputs.get(1);
        NDArray v = inputs.get(2);
        Shape s = q.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("Attention expects q of shape (B, H, N, d), got " + s + ".");
        }
        if (!k.getShape().equals(s) || !v.getShape().equals(s)) {
            throw new IllegalArgumentException("Attention expects q, k and v of the same shape (B, H, N, d), got q "
                    + s + ", k " + k.getShape() + ", v " + v.getShape() + ".");
        }
        if (s.get(1) != settings.heads() || s.get(3) != settings.headDim()) {
            throw new IllegalArgumentException("Attention was built for " + settings.heads() + " heads of width "
                    + settings.headDim() + " but q has shape " + s + " (" + s.get(1) + " heads of width "
                    + s.get(3) + "): q, k, v must be (B, " + settings.heads() + ", N, " + settings.headDim() + ").");
        }
        NDArray mask = inputs.size() == 4 ? inputs.get(3) : null;
        if (mask != null && !mask.getShape().equals(new Shape(s.get(0), s.get(2)))) {
            throw new IllegalArgumentException("The key mask must have shape (B, N) = (" + s.get(0) + ", " + s.get(2)
                    + ") for q of shape " + s + ", got " + mask.getShape() + ".");
        }
        if (mask != null && mask.getDataType() != q.getDataType()) {
            throw new IllegalArgumentException("The key mask must hold " + q.getDataType() + " 1/0 values like q, got "
                    + mask.getDataType() + ": convert it with toType(" + q.getDataType() + ", false).");
        }
        return new AttentionInputs(q, k, v, mask, settings);
    }

    public long batch() {
        return q.getShape().get(0);
    }

    public long heads() {
        return q.getShape().get(1);
    }

    public long length() {
        return q.getShape().get(2);
    }

    public long headDim() {
        return q.getShape().get(3);
    }

    /** The key mask as (B, 1, N, 1), ready to multiply keys or values. */
    public NDArray keyMaskColumn() {
        return keyMask.reshape(batch(), 1, length(), 1);
    }
}
