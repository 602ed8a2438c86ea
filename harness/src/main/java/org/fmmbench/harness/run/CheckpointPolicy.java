package org.fmmbench.harness.run;

import java.nio.file.Path;
import java.time.Duration;
import org.fmmbench.harness.profile.Durations;
import org.fmmbench.harness.train.Checkpointing;

/**
 * How the cells of a run checkpoint: every {@code every} of wall-clock or every {@code everySteps} steps, or not at
 * all; and whether a cell that ends {@code ok} keeps its checkpoint. Not part of a cell's configuration (it does
 * not change the numbers), so it is chosen on the command line, not in the profile.
 *
 * @param every wall-clock between checkpoints; {@code null} when off or counted in steps
 * @param everySteps steps between checkpoints; 0 when off or counted in wall-clock
 * @param keep keep the checkpoint of a cell that ended {@code ok}
 */
public record CheckpointPolicy(Duration every, int everySteps, boolean keep) {
    /** The default interval: a few minutes of lost work at most, a negligible cost per checkpoint. */
    public static final String DEFAULT_EVERY = "5m";

    /** No checkpoints: what in-process runs (tests, probes) use. */
    public static final CheckpointPolicy OFF = new CheckpointPolicy(null, 0, false);

    /**
     * Reads {@code --checkpoint-every}: a duration ({@code 5m}, {@code 90s}), a whole number of steps ({@code 200}),
     * or {@code off}.
     */
    public static CheckpointPolicy parse(String text, boolean keep) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off")) {
            return new CheckpointPolicy(null, 0, keep);
        }
        if (t.matches("\\d+")) {
            int steps = Integer.parseInt(t);
            if (steps < 1) {
                throw new IllegalArgumentException("--checkpoint-every " + text + ": a number of steps must be >= 1 "
                        + "(or write 'off').");
            }
            return new CheckpointPolicy(null, steps, keep);
        }
        try {
            return new CheckpointPolicy(Durations.parse(t), 0, keep);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--checkpoint-every " + text + ": write a duration (5m, 90s), a number "
                    + "of steps (200) or off.", e);
        }
    }

    public boolean enabled() {
        return every != null || everySteps > 0;
    }

    /** The option value that {@link #parse} reads back into this policy, for a child's command line. */
    public String optionValue() {
        return every != null ? Durations.format(every) : everySteps > 0 ? Integer.toString(everySteps) : "off";
    }

    /** Where and how often the cell in {@code cellDir} checkpoints. */
    public Checkpointing forCell(Path cellDir, String configHash) {
        if (!enabled()) {
            return Checkpointing.off();
        }
        return new Checkpointing(checkpointFile(cellDir), configHash, every == null ? Duration.ZERO : every,
                everySteps);
    }

    public static Path checkpointFile(Path cellDir) {
        return cellDir.resolve(Checkpointing.FILE_NAME);
    }
}
