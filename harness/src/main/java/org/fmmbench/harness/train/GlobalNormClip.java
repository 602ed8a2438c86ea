package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Gradient clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_} (the official LM uses 0.25). */
final class GlobalNormClip {
    private GlobalNormClip() {
    }

    /**
     * Scales every gradient in place by {@code max / (norm + 1e-6)} when the L2 norm of all of them together
     * exceeds {@code max}.
     *
     * @return the global norm before clipping
     */
    static double clip(List<NDArray> gradients, double max) {
        double sumSquares = 0;
        for (NDArray g : gradients) {
            sumSquares += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sumSquares);
        double coefficient = max / (norm + 1e-6);
        if (coefficient < 1) {
            // Gradients are leaves outside the autograd graph, so scaling them in place is safe.
            for (NDArray g : gradients) {
                g.muli((float) coefficient);
            }
        }
        return norm;
    }
}
