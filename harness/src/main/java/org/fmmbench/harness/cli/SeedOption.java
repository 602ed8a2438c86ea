package org.fmmbench.harness.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed}: the one seed of what {@code tasks generate}, {@code tasks summary} and {@code attention-maps} draw
 * at random, so that the same seed gives the same data (and model) again.
 */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of everything drawn at random: the data and, where a model is trained, its "
                    + "initialisation (default: ${DEFAULT-VALUE}).")
    long value;
}
