package org.fmmbench.harness.train;

import java.nio.file.Path;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.tasks.lm.LmCorpora;

/** Language modelling, task {@code lm}: a causal decoder trained by {@link LmCellTrainer} (docs/language-modelling.md). */
public final class LanguageModellingWorkload extends ResumableWorkload {
    /** The task name of language-modelling cells. */
    public static final String TASK = "lm";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public ReportSection reportSection() {
        return ReportSection.PERPLEXITY;
    }

    @Override
    public boolean evaluatesInWindows() {
        return true;
    }

    @Override
    public AttentionSettings attentionSettings(ModelConfig m) {
        return AttentionSettings.causal(m.heads(), m.dim() / m.heads());
    }

    @Override
    public void validate(CellConfig cell) {
        if (!LmCorpora.NAMES.contains(cell.data().source())) {
            throw new IllegalArgumentException("Task 'lm': unknown data.source '" + cell.data().source()
                    + "'; use one of " + String.join(", ", LmCorpora.NAMES) + ".");
        }
        if (cell.data().maxTrain() != 0) {
            throw new IllegalArgumentException("Task 'lm': data.maxTrain must be 0: training reads the stream in "
                    + "order for train.steps steps, so the number of steps is the training budget.");
        }
        ModelConfig m = cell.model();
        if (LmEvalMode.bySpecName(cell.train().evalMode()) == LmEvalMode.STATEFUL
                && PositionScheme.bySpecName(m.positions()) != PositionScheme.STREAM) {
            throw new IllegalArgumentException("Task 'lm': train.evalMode stateful needs model.positions stream, "
                    + "got '" + m.positions() + "' (the paper's window positions change whenever the window moves, "
                    + "so no state can be carried); set model.positions: stream or evalMode: windowed.");
        }
    }

    @Override
    ResumableTrainer trainer(Path dataDir, Path cacheDir) {
        return new LmCellTrainer(dataDir, cacheDir);
    }
}
