package org.fmmbench.harness.train;

import java.util.SplittableRandom;

/**
 * The order in which training examples are visited: a fresh seeded permutation every epoch, read as one endless
 * stream, so a batch may straddle two epochs - as the official LRA loader does, but reproducibly.
 */
final class TrainingOrder {
    private final SplittableRandom random;
    private final int[] permutation;
    private int position;

    TrainingOrder(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("The training split is empty: nothing to train on.");
        }
        random = new SplittableRandom(seed);
        permutation = new int[size];
        for (int i = 0; i < size; i++) {
            permutation[i] = i;
        }
        shuffle();
    }

    int[] next(int batchSize) {
        int[] batch = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            if (position == permutation.length) {
                shuffle();
            }
            batch[i] = permutation[position++];
        }
        return batch;
    }

    /** Moves past the batches of {@code steps} steps, as a resumed cell must; cheap next to one training step. */
    void skip(int steps, int batchSize) {
        for (int s = 0; s < steps; s++) {
            next(batchSize);
        }
    }

    private void shuffle() {
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        position = 0;
    }
}
