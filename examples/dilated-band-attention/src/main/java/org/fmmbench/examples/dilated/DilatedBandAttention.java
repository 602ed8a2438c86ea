package org.fmmbench.examples.dilated;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionInputs;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Dilated band attention, written only against the public API of {@code org.fmmbench.baselines.attention}.
 *
 * <p>Query i sees the W keys i + t * dilation (W = 2k - 1, or k when causal). They are gathered in one indexing
 * op into (B, H, N, W, d), so scores are (B, H, N, W): time and memory O(N W d), no N x N array. Slots that fall
 * outside the sequence are clamped to a real key and switched off by a -1e9 bias (probability exactly 0, so the
 * duplicated key gets no gradient from them); padded keys get the official -1e6, as in the built-in variants.
 */
final class DilatedBandAttention extends Attention {
    private static final float OUTSIDE = -1e9f;
    private static final float PADDING_PENALTY = 1e6f;

    private final int steps;
    private final int dilation;

    DilatedBandAttention(VariantSpec spec, AttentionSettings settings, int steps, int dilation) {
        super((byte) 1, spec, settings);
        this.steps = steps;
        this.dilation = dilation;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        AttentionInputs in = AttentionInputs.unpack(inputs, settings);
        NDArray q = in.q();
        long batch = in.batch();
        int n = (int) in.length();
        long d = in.headDim();
        NDManager manager = q.getManager();
        Window window = new Window(n);
        NDArray positions = manager.create(window.positions, new Shape(n, window.width));

        NDArray keys = in.k().get(new NDIndex(":, :, {}", positions)); // (B, H, N, W, d)
        NDArray values = in.v().get(new NDIndex(":, :, {}", positions));
        NDArray scores = q.expandDims(3).matMul(keys.swapAxes(3, 4)).squeeze(3); // (B, H, N, W)
        // a scalar made by full() owns its memory, so autograd can keep it (see the baselines' Scalars)
        scores = scores.div(manager.full(new Shape(), (float) Math.sqrt(d), q.getDataType()));
        NDArray bias = manager.create(window.outside, new Shape(n, window.width));
        if (in.keyMask() != null) {
            NDArray padding = in.keyMask().sub(1f).mul(PADDING_PENALTY).get(new NDIndex(":, {}", positions));
            bias = padding.add(bias).reshape(batch, 1, n, window.width);
        }
        NDArray probabilities = scores.add(bias).softmax(-1);
        if (training && settings.attentionDropout() > 0) {
            probabilities = Dropout.dropout(probabilities, settings.attentionDropout(), true).singletonOrThrow();
        }
        return new NDList(probabilities.expandDims(3).matMul(values).squeeze(3)); // (B, H, N, d)
    }

    /** Key positions of every query (clamped into the sequence) and the bias switching off clamped slots. */
    private final class Window {
        final int width;
        final long[] positions;
        final float[] outside;

        Window(int n) {
            width = settings.causal() ? steps : 2 * steps - 1;
            positions = new long[n * width];
            outside = new float[n * width];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < width; t++) {
                    long position = i + (long) (t - (steps - 1)) * dilation;
                    positions[i * width + t] = Math.max(0, Math.min(n - 1, position));
                    outside[i * width + t] = position < 0 || position >= n ? OUTSIDE : 0f;
                }
            }
        }
    }
}
