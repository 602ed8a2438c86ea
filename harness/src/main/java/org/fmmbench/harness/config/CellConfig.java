package org.fmmbench.harness.config;

/**
 * Everything that determines one cell of the matrix (task x variant x seed). Its hash identifies a result
 * for resume and comparison, so it holds no paths and nothing that does not change the numbers.
 *
 * @param profile profile name (smoke, cpu, paper)
 * @param task task name
 * @param row the paper row this cell belongs to, e.g. {@code fmm2_band5}
 * @param variant the attention variant spec, e.g. {@code fmm:k=5,kernels=elu+elu_flip,blend=per_head}
 * @param seed seeds initialisation, dropout and shuffling
 * @param threads intra-op threads of the cell's engine
 * @param device {@code cpu} or {@code gpu} (resolved from auto before the cell runs)
 */
public record CellConfig(String profile, String task, String row, String variant, long seed, int threads,
        String device, ModelConfig model, TrainConfig train, DataConfig data) {

    public CellConfig withTrain(TrainConfig newTrain) {
        return new CellConfig(profile, task, row, variant, seed, threads, device, model, newTrain, data);
    }
}
