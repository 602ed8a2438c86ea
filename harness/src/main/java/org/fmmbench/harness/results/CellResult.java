package org.fmmbench.harness.results;

import java.util.Arrays;

/**
 * Everything recorded about one cell: one row of {@code results.csv} and the content of the cell's
 * {@code result.json}. Columns are the components in this order, in snake case (see {@link ResultsCsv});
 * metrics are {@code null} (an empty CSV field) when the cell did not produce them.
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
        String flags) {

    /** 2: data_fingerprint and truncated_frac_{train,val,test} added; files of version 1 read with them empty. */
    public static final int SCHEMA_VERSION = 2;
    /** Separates the entries of {@link #flags}. */
    public static final String FLAG_SEPARATOR = ";";

    public CellResult {
        statusDetail = statusDetail == null ? "" : statusDetail;
        flags = flags == null ? "" : flags;
    }

    /** A result without the test-set statistics and flags (files written before they existed read back so). */
    public CellResult(String runId, int schemaVersion, String cellId, CellStatus status, String statusDetail,
            String task, String row, String variant, String profile, long seed, String configHash, String dataSource,
            Double bestValAcc, Integer bestStep, Double testAccBest, Double testAccLast, Double finalTrainLoss,
            Integer steps, Double trainWallS, Double stepMsMedian, Double stepMsP90, Double tokensPerS,
            Double evalWallS, Double peakRssMib, Long params, Double valPpl, Double testPpl, Double bitsPerToken,
            String startedAt, Double cellWallS, String gitCommit, Boolean gitDirty, String device, String cpuModel,
            int threads, String jvmVersion, String djlVersion, String pytorchVersion, Double stepCpuMsMedian,
            String dataFingerprint, Double truncatedFracTrain, Double truncatedFracVal, Double truncatedFracTest) {
        this(runId, schemaVersion, cellId, status, statusDetail, task, row, variant, profile, seed, configHash,
                dataSource, bestValAcc, bestStep, testAccBest, testAccLast, finalTrainLoss, steps, trainWallS,
                stepMsMedian, stepMsP90, tokensPerS, evalWallS, peakRssMib, params, valPpl, testPpl, bitsPerToken,
                startedAt, cellWallS, gitCommit, gitDirty, device, cpuModel, threads, jvmVersion, djlVersion,
                pytorchVersion, stepCpuMsMedian, dataFingerprint, truncatedFracTrain, truncatedFracVal,
                truncatedFracTest, null, null, "");
    }

    /** Whether {@link #flags} holds {@code flag}. */
    public boolean hasFlag(String flag) {
        return Arrays.asList(flags.split(FLAG_SEPARATOR)).contains(flag);
    }


    public CellResult withPeakRssMib(Double mib) {
        return new CellResult(runId, schemaVersion, cellId, status, statusDetail, task, row, variant, profile, seed,
                configHash, dataSource, bestValAcc, bestStep, testAccBest, testAccLast, finalTrainLoss, steps,
                trainWallS, stepMsMedian, stepMsP90, tokensPerS, evalWallS, mib, params, valPpl, testPpl,
                bitsPerToken, startedAt, cellWallS, gitCommit, gitDirty, device, cpuModel, threads, jvmVersion,
                djlVersion, pytorchVersion, stepCpuMsMedian, dataFingerprint, truncatedFracTrain, truncatedFracVal,
                truncatedFracTest, testExamples, majorityRate, flags);
    }

    public CellResult withCellWallS(Double seconds) {
        return new CellResult(runId, schemaVersion, cellId, status, statusDetail, task, row, variant, profile, seed,
                configHash, dataSource, bestValAcc, bestStep, testAccBest, testAccLast, finalTrainLoss, steps,
                trainWallS, stepMsMedian, stepMsP90, tokensPerS, evalWallS, peakRssMib, params, valPpl, testPpl,
                bitsPerToken, startedAt, seconds, gitCommit, gitDirty, device, cpuModel, threads, jvmVersion,
                djlVersion, pytorchVersion, stepCpuMsMedian, dataFingerprint, truncatedFracTrain, truncatedFracVal,
                truncatedFracTest, testExamples, majorityRate, flags);
    }
}
