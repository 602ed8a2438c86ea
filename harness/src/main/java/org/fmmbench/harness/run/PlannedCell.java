package org.fmmbench.harness.run;

import org.fmmbench.harness.config.CellConfig;

/**
 * One cell of a run plan.
 *
 * @param index position in the plan, 0-based; {@code train --cell} takes it
 * @param id directory name of the cell, {@code <index>-<task>-<row>-s<seed>}
 * @param configHash {@link ConfigHash} of {@code config}; a result counts for this cell only if it matches
 */
public record PlannedCell(int index, String id, String configHash, CellConfig config) {

    /**
     * This cell trained in micro-batches of {@code examples}, keeping its config hash: gradient accumulation makes
     * it the same optimisation, so its result still answers for the planned cell.
     */
    public PlannedCell withMicroBatch(int examples) {
        return new PlannedCell(index, id, configHash, config.withTrain(config.train().withMicroBatch(examples)));
    }
}
