package org.fmmbench.harness.run;

import org.fmmbench.tasks.DataSummary;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.ChanceLevel;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.results.MemoryProbe;
import org.fmmbench.harness.results.Provenance;

/** Builds the {@link CellResult} of a cell from its plan entry, how it ended and what it measured. */
public final class CellOutcomes {
    private CellOutcomes() {
    }

    /**
     * @param trained the training result, or {@code null} when the cell produced none
     */
    public static CellResult of(String runId, PlannedCell cell, CellStatus status, String detail, TrainResult trained,
            Provenance p, String startedAt, Double peakRssMib, Double cellWallS) {
        CellConfig c = cell.config();
        TrainResult r = trained;
        boolean lm = r != null && r.isLanguageModel();
        boolean chance = status == CellStatus.OK && r != null && !lm
                && ChanceLevel.at(r.testAccuracyAtBest(), r.majorityRate(), r.testExamples());
        DataSummary data = r == null ? null : r.data();
        CellResult.Identity identity = new CellResult.Identity(runId, CellResult.SCHEMA_VERSION, cell.id(), c.task(),
                c.row(), c.variant(), c.profile(), c.seed());
        CellResult.Config config = new CellResult.Config(cell.configHash(), r == null ? null : r.dataSource(),
                c.device(), c.threads(), data == null ? null : data.fingerprint());
        CellResult.Metrics metrics = new CellResult.Metrics(
                r == null || lm ? null : r.bestValAccuracy(),
                r == null ? null : r.bestStep(),
                r == null || lm ? null : r.testAccuracyAtBest(),
                r == null || lm ? null : r.testAccuracyAtLast(),
                r == null ? null : r.finalTrainLoss(),
                r == null ? null : r.steps(),
                r == null ? null : r.trainWallMs() / 1000.0,
                r == null ? null : r.medianStepMs(),
                r == null ? null : r.p90StepMs(),
                r == null ? null : r.tokensPerSecond(),
                r == null ? null : r.evalWallMs() / 1000.0,
                peakRssMib,
                r == null ? null : r.parameterCount(),
                r == null ? null : r.valPerplexity(),
                r == null ? null : r.testPerplexity(),
                r == null ? null : r.bitsPerToken(),
                cellWallS,
                r == null ? null : r.medianStepCpuMs(),
                data == null ? null : data.truncated(SplitName.TRAIN),
                data == null ? null : data.truncated(SplitName.VAL),
                data == null ? null : data.truncated(SplitName.TEST),
                r == null ? null : r.testExamples(), r == null ? null : r.majorityRate(),
                flags(chance, r), peakRssMib == null ? null : MemoryProbe.MEASURE, null);
        return new CellResult(identity, status, detail, config, metrics, p, startedAt);
    }

    /** The chance-level flag and the training's drift flags, in one {@code ;}-separated column. */
    private static String flags(boolean chance, TrainResult r) {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (chance) {
            all.add(ChanceLevel.FLAG);
        }
        if (r != null && !r.flags().isEmpty()) {
            all.add(r.flags());
        }
        return String.join(CellResult.FLAG_SEPARATOR, all);
    }

    /** First line of a throwable's message, prefixed with its simple class name. */
    static String firstLine(Throwable t) {
        String msg = t.getMessage();
        String first = msg == null || msg.isBlank() ? "" : msg.strip().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}
