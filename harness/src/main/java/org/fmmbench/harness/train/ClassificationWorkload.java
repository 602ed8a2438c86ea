package org.fmmbench.harness.train;

import java.nio.file.Path;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.harness.config.ModelConfig;

/**
 * Sequence classification, the LRA tasks: an encoder and an MLP head trained by {@link CellTrainer}. Runs every task
 * of the task registry ({@link Workloads}), so a task plug-in needs no workload of its own.
 */
final class ClassificationWorkload extends ResumableWorkload {
    /** Not a task name: classification serves all the task registry's names. */
    @Override
    public String task() {
        return "classification";
    }

    @Override
    public AttentionSettings attentionSettings(ModelConfig m) {
        return new AttentionSettings(m.heads(), m.dim() / m.heads(), false, m.attentionDropout());
    }

    @Override
    ResumableTrainer trainer(Path dataDir, Path cacheDir) {
        return new CellTrainer(dataDir, cacheDir);
    }
}
