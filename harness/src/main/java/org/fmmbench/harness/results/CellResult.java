package org.fmmbench.harness.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Everything recorded about one cell: one row of {@code results.csv} and the content of the cell's
 * {@code result.json}. The parts are nested records; {@link ResultsCsv} flattens them into one column per field
 * (snake case, in the file's fixed order, {@link ResultsCsv#HEADER}). Metrics are {@code null} (an empty CSV field)
 * when the cell did not produce them.
 *
 * <p>Bump {@link #SCHEMA_VERSION} when a column is renamed, removed or changes meaning; adding a column at
 * the end does not need a bump.
 *
 * @param statusDetail why a cell did not end {@code ok}, or what it had to do to end so (empty otherwise)
 * @param startedAt when the cell started, ISO-8601 UTC
 */
public record CellResult(
        @JsonUnwrapped Identity identity,
        CellStatus status,
        String statusDetail,
        @JsonUnwrapped Config config,
        @JsonUnwrapped Metrics metrics,
        @JsonUnwrapped Provenance provenance,
        String startedAt) {

    /**
     * 2: data_fingerprint, truncated_frac_{train,val,test}, flags, memory_measure and oom_retry_micro_batch added;
     * files of version 1 read with them empty.
     */
    public static final int SCHEMA_VERSION = 2;
    /** Separates the entries of {@link Metrics#flags}. */
    public static final String FLAG_SEPARATOR = ";";

    /** Which cell of which run this is: the plan's coordinates of the cell. */
    public record Identity(String runId, int schemaVersion, String cellId, String task, String row, String variant,
            String profile, long seed) {
    }

    /**
     * What the cell ran with besides its coordinates.
     *
     * @param configHash hash of the cell's whole configuration (the plan's)
     * @param dataSource where the data came from, e.g. a task's generator or a corpus
     * @param dataFingerprint hash of the data the cell read
     */
    public record Config(String configHash, String dataSource, String device, int threads, String dataFingerprint) {
    }

    /**
     * What the cell measured.
     *
     * @param flags pathologies seen in training ({@code ;}-separated, e.g. {@code rss-drift})
     * @param memoryMeasure how {@code peakRssMib} was measured ({@code vmhwm}: the kernel's peak resident set of the
     *     cell's process)
     * @param oomRetryMicroBatch the micro-batch of a retry after running out of memory
     */
    public record Metrics(Double bestValAcc, Integer bestStep, Double testAccBest, Double testAccLast,
            Double finalTrainLoss, Integer steps, Double trainWallS, Double stepMsMedian, Double stepMsP90,
            Double tokensPerS, Double evalWallS, Double peakRssMib, Long params, Double valPpl, Double testPpl,
            Double bitsPerToken, Double cellWallS, Double stepCpuMsMedian, Double truncatedFracTrain,
            Double truncatedFracVal, Double truncatedFracTest, Integer testExamples, Double majorityRate,
            String flags, String memoryMeasure, Integer oomRetryMicroBatch) {

        public Metrics {
            flags = flags == null ? "" : flags;
        }

        /** Whether {@link #flags} holds {@code flag}. */
        public boolean hasFlag(String flag) {
            return Arrays.asList(flags.split(FLAG_SEPARATOR)).contains(flag);
        }
    }

    public CellResult {
        statusDetail = statusDetail == null ? "" : statusDetail;
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

    /**
     * A copy with one column (as named in the CSV) changed, through the codec that flattens the parts: no copy
     * method lists the fields, so none is forgotten.
     */
    public CellResult with(String column, Object value) {
        ObjectNode node = ResultsCsv.json().valueToTree(this);
        if (!node.has(column)) {
            throw new IllegalArgumentException("No results column '" + column + "'.");
        }
        node.set(column, ResultsCsv.json().valueToTree(value));
        try {
            return ResultsCsv.json().treeToValue(node, CellResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CellResult always maps to JSON and back", e);
        }
    }
}
