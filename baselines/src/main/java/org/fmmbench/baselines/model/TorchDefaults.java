package org.fmmbench.baselines.model;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;

/**
 * Layers initialised as PyTorch initialises them, so that models start where the official LRA code starts.
 *
 * <p>{@code nn.Linear} draws its weight from kaiming_uniform(a=sqrt(5)), whose bound reduces to
 * 1/sqrt(fan_in), and its bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)); DJL's default (Xavier, zero bias)
 * would change the starting point of every run. The LRA embeddings are re-initialised N(0, 0.02).
 */
public final class TorchDefaults {
    static final float EMBEDDING_STD = 0.02f;

    private TorchDefaults() {
    }

    /** A biased linear layer mapping {@code inFeatures} to {@code units} on the last axis. */
    public static Linear linear(int inFeatures, int units) {
        Linear linear = Linear.builder().setUnits(units).optBias(true).build();
        UniformInitializer bound = new UniformInitializer((float) (1.0 / Math.sqrt(inFeatures)));
        linear.setInitializer(bound, Parameter.Type.WEIGHT);
        linear.setInitializer(bound, Parameter.Type.BIAS);
        return linear;
    }

    static NormalInitializer embedding() {
        return new NormalInitializer(EMBEDDING_STD);
    }
}
