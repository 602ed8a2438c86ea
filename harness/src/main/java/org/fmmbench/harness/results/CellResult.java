package org.fmmbench.harness.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Everything recorded about one cell: one row of {@code results.csv} and the content of the cell's
 * {@code result.json}. Columns are the components in this order, in snake case (see {@link ResultsCsv});
 * metrics are {@code null} (an empty CSV field) when the cell did not produce them.
 *
 * <p>{@code flags} lists pathologies seen in training ({@code ;}-separated, e.g. {@code rss-drift}),
 * {@code memory_measure} says how {@code peak_rss_mib} was measured ({@code vmhwm}: the kernel's peak resident set
 * of the cell's process), and {@code oom_retry_micro_batch} the micro-batch of a retry after running out of memory.
 *
 * <p>Bump {@link #SCHEMA_VERSION} when a column is renamed, removed or changes meaning; adding a column at
 * the end does not need a bump.
 */
public record CellResult(
        String runId,
        int schemaVersion,
        String cellId,
        CellStatus status,
        String statusDetail,
        String task,
        String row,
        String variant,
        String profile,
        long seed,
        String configHash,
        String dataSource,
        Double bestValAcc,
        Integer bestStep,
        Double testAccBest,
        Double testAccLast,
        Double finalTrainLoss,
        Integer steps,
        Double trainWallS,
        Double stepMsMedian,
        Double stepMsP90,
        Double tokensPerS,
        Double evalWallS,
        Double peakRssMib,
        Long params,
        Double valPpl,
        Double testPpl,
        Double bitsPerToken,
        String startedAt,
        Double cellWallS,
        String gitCommit,
        Boolean gitDirty,
        String device,
        String cpuModel,
        int threads,
        String jvmVersion,
        String djlVersion,
        String pytorchVersion,
        Double stepCpuMsMedian,
        String dataFingerprint,
        Double truncatedFracTrain,
        Double truncatedFracVal,
        Double truncatedFracTest,
        Integer testExamples,
        Double majorityRate,
        String flags,
        String memoryMeasure,
        Integer oomRetryMicroBatch) {

    /**
     * 2: data_fingerprint, truncated_frac_{train,val,test}, flags, memory_measure and oom_retry_micro_batch added;
     * files of version 1 read with them empty.
     */
    public static final int SCHEMA_VERSION = 2;
    /** Separates the entries of {@link #flags}. */
    public static final String FLAG_SEPARATOR = ";";

    public CellResult {
        statusDetail = statusDetail == null ? "" : statusDetail;
        flags = flags == null ? "" : flags;
    }

    /** Whether {@link #flags} holds {@code flag}. */
    public boolean hasFlag(String flag) {
        return Arrays.asList(flags.split(FLAG_SEPARATOR)).contains(flag);
    }


    public CellResult withPeakRssMib(Double mib) {
        return with("peak_rss_mib", mib);
    }

    /** @param measure how {@code mib} was measured, e.g. {@code vmhwm} */
    public CellResult withPeakRssMib(Double mib, String measure) {
        return with("peak_rss_mib", mib).with("memory_measure", mib == null ? null : measure);
    }

    public CellResult withCellWallS(Double seconds) {
        return with("cell_wall_s", seconds);
    }

    public CellResult withFlags(String newFlags) {
        return with("flags", newFlags);
    }

    /** This result of a cell that ran again with {@code microBatch} after running out of memory. */
    public CellResult withOomRetry(int microBatch, String firstDetail) {
        String retry = "retried with micro-batch " + microBatch + " after " + firstDetail;
        return with("oom_retry_micro_batch", microBatch)
                .with("status_detail", statusDetail.isEmpty() ? retry : retry + "; " + statusDetail);
    }

    /** A copy with one column (as named in the CSV) changed: the record is the schema, so no field is forgotten. */
    private CellResult with(String column, Object value) {
        ObjectNode node = ResultsCsv.json().valueToTree(this);
        node.set(column, ResultsCsv.json().valueToTree(value));
        try {
            return ResultsCsv.json().treeToValue(node, CellResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CellResult always maps to JSON and back", e);
        }
    }
}
