package org.fmmbench.harness.run;

import java.util.Set;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.train.Workload;
import org.fmmbench.harness.train.Workloads;

/**
 * Validates a cell the only reliable way: by its task's workload (which names the known tasks when there is none,
 * and checks its own settings), and by building its attention block from the variant registry, which rejects unknown
 * variants and parameters with a message naming the valid choices.
 */
public final class RegistryCellValidator implements RunPlanner.CellValidator {
    private final VariantRegistry variants;
    private final Workloads workloads;

    /** @param tasks the classification task names that can be opened (the task registry's) */
    public RegistryCellValidator(VariantRegistry variants, Set<String> tasks) {
        this.variants = variants;
        this.workloads = Workloads.load(tasks);
    }

    @Override
    public void validate(CellConfig cell) {
        Workload workload = workloads.find(cell.task());
        workload.validate(cell);
        createVariant(cell, workload.attentionSettings(cell.model()));
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
