package org.fmmbench.harness.run;

import java.util.Set;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.train.LmCellTrainer;
import org.fmmbench.harness.train.LmEvalMode;
import org.fmmbench.harness.train.Workload;
import org.fmmbench.harness.train.Workloads;
import org.fmmbench.tasks.lm.LmCorpora;

/**
 * Validates a cell the only reliable way: by building its attention block from the variant registry,
 * which rejects unknown variants and parameters with a message naming the valid choices; and by checking
 * the task against the task registry.
 */
public final class RegistryCellValidator implements RunPlanner.CellValidator {
    private final VariantRegistry variants;
    private final Set<String> tasks;
    private final Workloads workloads = Workloads.load();

    /** @param tasks the task names that can be opened (the task registry's) */
    public RegistryCellValidator(VariantRegistry variants, Set<String> tasks) {
        this.variants = variants;
        this.tasks = Set.copyOf(tasks);
    }

    @Override
    public void validate(CellConfig cell) {
        Workload workload = workloads.find(cell.task());
        if (workload != null) {
            workload.validate(cell);
            createVariant(cell, workload.attentionSettings(cell.model()));
            return;
        }
        boolean lm = LmCellTrainer.TASK.equals(cell.task());
        if (lm && !LmCorpora.NAMES.contains(cell.data().source())) {
            throw new IllegalArgumentException("Task 'lm': unknown data.source '" + cell.data().source()
                    + "'; use one of " + String.join(", ", LmCorpora.NAMES) + ".");
        }
        if (!lm && !tasks.contains(cell.task())) {
            java.util.Set<String> known = new java.util.TreeSet<>(tasks);
            known.add(LmCellTrainer.TASK);
            known.addAll(workloads.tasks());
            throw new IllegalArgumentException("Unknown task '" + cell.task() + "'. Known tasks: "
                    + String.join(", ", known) + ".");
        }
        ModelConfig m = cell.model();
        if (lm && LmEvalMode.bySpecName(cell.train().evalMode()) == LmEvalMode.STATEFUL
                && PositionScheme.bySpecName(m.positions()) != PositionScheme.STREAM) {
            throw new IllegalArgumentException("Task 'lm': train.evalMode stateful needs model.positions stream, "
                    + "got '" + m.positions() + "' (the paper's window positions change whenever the window moves, "
                    + "so no state can be carried); set model.positions: stream or evalMode: windowed.");
        }
        if (m.heads() < 1 || m.dim() % m.heads() != 0) {
            throw new IllegalArgumentException("Task '" + cell.task() + "': model dim " + m.dim()
                    + " must be a multiple of heads " + m.heads() + ".");
        }
        createVariant(cell, lm ? AttentionSettings.causal(m.heads(), m.dim() / m.heads())
                : new AttentionSettings(m.heads(), m.dim() / m.heads(), false, m.attentionDropout()));
    }

    private void createVariant(CellConfig cell, AttentionSettings settings) {
        try {
            variants.create(cell.variant(), settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Row '" + cell.row() + "' of task '" + cell.task() + "': "
                    + e.getMessage(), e);
        }
    }
}
