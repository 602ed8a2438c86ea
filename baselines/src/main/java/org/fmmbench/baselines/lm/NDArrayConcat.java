package org.fmmbench.baselines.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/** Concatenation that skips the engine call for a single piece. */
final class NDArrayConcat {
    private NDArrayConcat() {
    }

    static NDArray concat(List<NDArray> pieces, int axis) {
        return pieces.size() == 1 ? pieces.get(0) : NDArrays.concat(new NDList(pieces), axis);
    }
}
