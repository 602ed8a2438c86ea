package org.fmmbench.harness.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a cell's checkpoint holds, for reading without resuming it: how far the cell got, its best validation, and
 * per parameter its size, mean, minimum and maximum (e.g. how far FMMformer's near-field weight has moved from its
 * initial 0).
 *
 * @param bestStep the step of the best validation, 0 before the first
 * @param bestAccuracy that validation's accuracy, NaN for language modelling or before the first validation
 * @param bestPerplexity that validation's perplexity, NaN for classification or before the first validation
 * @param parameters the parameters asked for, in the model's order
 */
public record CheckpointSummary(String configHash, int completedSteps, int bestStep, double bestAccuracy,
        double bestPerplexity, List<ParameterStats> parameters) {

    /** One parameter array's summary. */
    public record ParameterStats(String name, int size, double mean, double min, double max) {
        static ParameterStats of(String name, float[] values) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new ParameterStats(name, values.length, sum / values.length, min, max);
        }
    }

    /**
     * @param names which parameters to summarise, by name
     * @param best the best validation's parameters instead of the last step's
     * @throws IOException if the file cannot be read or is not a checkpoint of this format
     * @throws IllegalArgumentException if {@code best} is asked of a checkpoint written before the first validation
     */
    public static CheckpointSummary read(Path file, Predicate<String> names, boolean best) throws IOException {
        CellCheckpoint c = CellCheckpoint.read(file);
        Map<String, float[]> arrays = best ? c.best() : c.parameters();
        if (arrays == null) {
            throw new IllegalArgumentException(file + " was written before the cell's first validation, so it holds "
                    + "no best parameters yet: leave out --best.");
        }
        List<ParameterStats> stats = new ArrayList<>();
        arrays.forEach((name, values) -> {
            if (names.test(name)) {
                stats.add(ParameterStats.of(name, values));
            }
        });
        TrainingLoop.Validation v = c.bestValidation();
        return new CheckpointSummary(c.configHash(), c.completedSteps(), c.bestStep(),
                v == null ? Double.NaN : v.accuracy(), v == null ? Double.NaN : v.perplexity(), List.copyOf(stats));
    }
}
