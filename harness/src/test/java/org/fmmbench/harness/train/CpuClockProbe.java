package org.fmmbench.harness.train;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.listops.ListOpsTaskProvider;

/**
 * Not a test: how much of the process's CPU time during training steps the training thread's own CPU clock sees
 * (docs/measurements/cpu-clock). Trains a smoke-sized ListOps cell per variant given as arguments ({@code -Dsteps}
 * steps, no validation until the last) and sums, over the steps after warm-up, the training thread's CPU time
 * ({@link ThreadMXBean}, ns) and the process's (10 ms ticks, but the sum telescopes to one difference of two
 * readings). Run from the repository root after {@code mvn -o -q -B -pl harness -am test-compile}:
 * <pre>
 * OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dsteps=150 \
 *   -cp harness/target/test-classes:harness/target/classes:$(cat harness/target/runtime.classpath) \
 *   org.fmmbench.harness.train.CpuClockProbe softmax fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab
 * </pre>
 */
public final class CpuClockProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClockProbe() {
    }

    public static void main(String[] args) {
        int steps = Integer.getInteger("steps", 150);
        int batch = Integer.getInteger("batch", 8);
        CellTrainer trainer = new CellTrainer(null, org.fmmbench.tasks.TaskOptions.defaultCacheDir(),
                (name, options) -> new ListOpsTaskProvider().open(options));
        for (String variant : args) {
            Sums sums = new Sums();
            CellConfig cell = new CellConfig("probe", "listops", variant, variant, 0, 1, "cpu",
                    new ModelConfig(2, 32, 64, 2, 0.1f, 0.1f),
                    new TrainConfig(batch, steps, 6, 1e-3, 0.0, steps, 2, 4),
                    new DataConfig("listops-generated", 128, 512, 64, 64, "pad"));
            trainer.train(cell, sums);
            sums.printThreadsOutsideTraining();
            System.out.printf(java.util.Locale.ROOT,
                    "%-55s threads %s, steps %d-%d: training thread %.1f ms CPU, process %.1f ms CPU,"
                            + " thread/process %.4f (%.2f ms vs %.2f ms per step)%n",
                    variant, System.getProperty("ai.djl.pytorch.num_threads"), StepTimes.WARMUP + 1, steps,
                    sums.threadNanos / 1e6, sums.processNanos / 1e6, (double) sums.threadNanos / sums.processNanos,
                    sums.threadNanos / 1e6 / sums.steps, sums.processNanos / 1e6 / sums.steps);
        }
    }

    /** Clock readings at each step's end; the difference between two is one step (no validation in between). */
    private static final class Sums implements TrainingListener {
        long threadNanos;
        long processNanos;
        int steps;
        private java.util.Map<String, Long> ticksAtWarmUp = java.util.Map.of();
        private java.util.Map<String, Long> ticksAtEnd = java.util.Map.of();
        private long lastThread;
        private long lastProcess;

        @Override
        public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
            long thread = THREADS.getCurrentThreadCpuTime();
            long process = OS.getProcessCpuTime();
            if (step == StepTimes.WARMUP) {
                ticksAtWarmUp = threadTicks();
            }
            if (step == totalSteps) {
                ticksAtEnd = threadTicks();
            }
            if (step > StepTimes.WARMUP) {
                threadNanos += thread - lastThread;
                processNanos += process - lastProcess;
                steps++;
            }
            lastThread = thread;
            lastProcess = process;
        }

        /** Which threads of the process used CPU during the measured steps, from /proc (10 ms ticks). */
        void printThreadsOutsideTraining() {
            ticksAtEnd.forEach((thread, ticks) -> {
                long delta = ticks - ticksAtWarmUp.getOrDefault(thread, 0L);
                if (delta > 0) {
                    System.out.printf(java.util.Locale.ROOT, "    %-40s %6d ms%n", thread, delta * 10);
                }
            });
        }

        /** utime + stime ticks of every thread, keyed by id and name. */
        private static java.util.Map<String, Long> threadTicks() {
            java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
            try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ticks;
        }

        @Override
        public void onEvaluation(int step, double valAccuracy, double valLoss) {
        }
    }
}
