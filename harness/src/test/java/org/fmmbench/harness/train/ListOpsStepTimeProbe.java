package org.fmmbench.harness.train;

import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.listops.ListOpsTaskProvider;

/**
 * Not a test: prints the engine's median and p90 ms/step for the paper's ListOps model (B=32, N=2048, 2 layers,
 * dim 64) on generated ListOps data, one line per variant given as arguments ({@code -Dbatch=8} and
 * {@code -Dsteps=12} change batch size and steps). Run from the repository root after
 * {@code mvn -o -q -B -pl harness -am package -DskipTests}:
 * <pre>
 * OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
 *   -cp harness/target/test-classes:harness/target/classes:$(cat harness/target/runtime.classpath) \
 *   org.fmmbench.harness.train.ListOpsStepTimeProbe softmax linear band:k=5 fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab
 * </pre>
 * Cache: {@code $FMMBENCH_CACHE} or {@code ~/.cache/fmmbench} (512/64/64 generated examples).
 */
public final class ListOpsStepTimeProbe {
    private ListOpsStepTimeProbe() {
    }

    public static void main(String[] args) {
        int steps = Integer.getInteger("steps", 12);
        int batch = Integer.getInteger("batch", 32);
        // The ListOps provider directly: the probe needs no other task on the class path.
        CellTrainer trainer = new CellTrainer(null, org.fmmbench.tasks.TaskOptions.defaultCacheDir(),
                (name, options) -> new ListOpsTaskProvider().open(options));
        for (String variant : args) {
            CellConfig cell = new CellConfig("probe", "listops", variant, variant, 0, 1, "cpu",
                    new ModelConfig(2, 64, 128, 2, 0.1f, 0.1f),
                    new TrainConfig(batch, steps, 2, 1e-4, 0.0, 1_000_000, 1, 1),
                    new DataConfig("listops-generated", 0, 512, 64, 64, "pad"));
            TrainResult r = trainer.train(cell, TrainingListener.NONE);
            System.out.printf("%-60s B=%d N=%d median %.0f ms/step, p90 %.0f ms/step, %.0f tokens/s, %d params%n",
                    variant, batch, 2048, r.medianStepMs(), r.p90StepMs(), r.tokensPerSecond(), r.parameterCount());
        }
    }
}
