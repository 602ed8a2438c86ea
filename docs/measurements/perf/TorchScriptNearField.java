package org.fmmbench.baselines.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.pytorch.engine.*;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.*;
import java.lang.management.*;
import java.nio.file.Path;
import java.util.*;

/** Loads a TorchScript near field saved by Debian's torch 1.13 into DJL's libtorch 2.7; fwd+bwd thread CPU vs gather. */
public class TorchScriptNearField {
    public static void main(String[] a) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        NDManager base = NDManager.newBaseManager();
        PtSymbolBlock block = JniUtils.loadModule((PtNDManager) base, Path.of(a[0]), false, new String[0], new String[0], true);
        ParameterStore store = new ParameterStore(base, false);
        AttentionSettings s = new AttentionSettings(2, 32, false, 0f);
        for (int n : new int[] {37, 4096, 16384}) {
            Shape sh = new Shape(1, 2, n, 32);
            double[][] t = new double[2][5];
            for (int r = -1; r < 5; r++) {
                for (int w = 0; w < 2; w++) {
                    try (NDManager m = base.newSubManager()) {
                        NDArray q = m.randomNormal(sh), k = m.randomNormal(sh), v = m.randomNormal(sh);
                        q.setRequiresGradient(true); k.setRequiresGradient(true); v.setRequiresGradient(true);
                        long t0 = mx.getCurrentThreadCpuTime();
                        NDArray out;
                        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                            out = w == 0 ? block.forward(store, new NDList(q, k, v), true).singletonOrThrow()
                                    : BandedSoftmax.attend(new AttentionInputs(q, k, v, null, s), 5, 0f, true);
                            c.backward(out.mul(out).sum());
                        }
                        if (r >= 0) t[w][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
                        if (n == 37 && r == 0 && w == 0) {
                            NDArray ref = BandedSoftmax.attend(new AttentionInputs(q, k, v, null, s), 5, 0f, false);
                            System.out.println("# maxdiff torchscript vs gather " + ref.sub(out).abs().max().getFloat());
                        }
                    }
                }
            }
            Arrays.sort(t[0]); Arrays.sort(t[1]);
            System.out.printf(Locale.ROOT, "N=%d torchscript(1.13-saved) %.2f ms, gather %.2f ms (median of 5, thread CPU fwd+bwd)%n", n, t[0][2], t[1][2]);
        }
    }
}
