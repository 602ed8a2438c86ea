package org.fmmbench.harness.results;

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
        Double truncatedFracTest) {

    /** 2: data_fingerprint and truncated_frac_{train,val,test} added; files of version 1 read with them empty. */
    public static final int SCHEMA_VERSION = 2;

    public CellResult {
        statusDetail = statusDetail == null ? "" : statusDetail;
    }

    public CellResult withPeakRssMib(Double mib) {
        return new CellResult(runId, schemaVersion, cellId, status, statusDetail, task, row, variant, profile, seed,
                configHash, dataSource, bestValAcc, bestStep, testAccBest, testAccLast, finalTrainLoss, steps,
                trainWallS, stepMsMedian, stepMsP90, tokensPerS, evalWallS, mib, params, valPpl, testPpl,
                bitsPerToken, startedAt, cellWallS, gitCommit, gitDirty, device, cpuModel, threads, jvmVersion,
                djlVersion, pytorchVersion, stepCpuMsMedian, dataFingerprint, truncatedFracTrain, truncatedFracVal,
                truncatedFracTest);
    }

    public CellResult withCellWallS(Double seconds) {
        return new CellResult(runId, schemaVersion, cellId, status, statusDetail, task, row, variant, profile, seed,
                configHash, dataSource, bestValAcc, bestStep, testAccBest, testAccLast, finalTrainLoss, steps,
                trainWallS, stepMsMedian, stepMsP90, tokensPerS, evalWallS, peakRssMib, params, valPpl, testPpl,
                bitsPerToken, startedAt, seconds, gitCommit, gitDirty, device, cpuModel, threads, jvmVersion,
                djlVersion, pytorchVersion, stepCpuMsMedian, dataFingerprint, truncatedFracTrain, truncatedFracVal,
                truncatedFracTest);
    }
}
