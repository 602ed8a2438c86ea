package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/** MachineCeilingBenchmark's two workloads (1024^3 product, in-place add of 64 MiB arrays) in thread CPU time. */
public class CeilingCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static double medianMs(Supplier<NDArray> op, boolean close) {
        double[] t = new double[15];
        for (int i = -2; i < t.length; i++) {
            long t0 = MX.getCurrentThreadCpuTime();
            NDArray r = op.get();
            if (close) {
                r.close();
            }
            if (i >= 0) {
                t[i] = (MX.getCurrentThreadCpuTime() - t0) / 1e6;
            }
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    public static void main(String[] args) {
        NDManager m = NDManager.newBaseManager();
        NDArray a = m.randomNormal(new Shape(1024, 1024));
        NDArray b = m.randomNormal(new Shape(1024, 1024));
        NDArray x = m.zeros(new Shape(16L << 20));
        NDArray y = m.randomNormal(new Shape(16L << 20));
        double product = medianMs(() -> a.matMul(b), true);
        double add = medianMs(() -> x.addi(y), false);
        System.out.printf("product %.2f ms = %.1f GFLOP/s; in-place add %.2f ms = %.1f GB/s%n", product,
                2.0 * 1024 * 1024 * 1024 / product / 1e6, add, 3.0 * (16L << 20) * 4 / add / 1e6);
    }
}
