package org.fmmbench.harness.train;

import ai.djl.training.optimizer.Optimizer;
import java.util.function.IntToDoubleFunction;

/** An Adam-type optimiser: a learning rate for each 1-based update, and the moments it keeps. */
abstract class AdamOptimizer extends Optimizer {
    final IntToDoubleFunction learningRate;
    private final OptimizerMoments moments = new OptimizerMoments();

    AdamOptimizer(OptimizerBuilder<?> builder, IntToDoubleFunction learningRate) {
        super(builder);
        this.learningRate = learningRate;
    }

    /**
     * The moment arrays, for checkpoints; the step count is restored by building the optimiser with
     * {@code optBeginNumUpdate}.
     */
    OptimizerMoments moments() {
        return moments;
    }
}
