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
}
