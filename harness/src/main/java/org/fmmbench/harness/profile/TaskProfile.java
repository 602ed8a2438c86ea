package org.fmmbench.harness.profile;

import java.util.List;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;

/**
 * One task of a profile with everything merged in from the profile's defaults.
 *
 * @param rows the paper rows run on this task, in order
 * @param seeds this task's cells run with seeds 0 .. seeds-1 (the task's {@code seeds}, else the profile's)
 */
public record TaskProfile(String task, ModelConfig model, TrainConfig train, DataConfig data, List<PaperRow> rows,
        int seeds) {
}
