package org.fmmbench.baselines.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process of {@link LinearMemoryTest}: one forward + backward of a variant, then prints the peak resident
 * memory of that step ({@code VmHWM} after resetting it through /proc/self/clear_refs) as {@code peakBytes=...}.
 * Arguments: spec, "causal" or "non-causal", N.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) throws IOException {
        String spec = args[0];
        boolean causal = args[1].equals("causal");
        int n = Integer.parseInt(args[2]);
        int heads = 2;
        int d = 32;
        Shape shape = new Shape(1, heads, n, d);
        try (NDManager manager = NDManager.newBaseManager()) {
            Attention block = VariantRegistry.load().create(spec, new AttentionSettings(heads, d, causal, 0.1f));
            block.initialize(manager, DataType.FLOAT32, shape, shape, shape, new Shape(1, n));
            NDArray q = manager.randomNormal(shape);
            NDArray k = manager.randomNormal(shape);
            NDArray v = manager.randomNormal(shape);
            NDArray upstream = manager.randomNormal(shape);
            NDArray mask = manager.ones(new Shape(1, n));
            q.setRequiresGradient(true);
            k.setRequiresGradient(true);
            v.setRequiresGradient(true);
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            try (NDManager step = manager.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(step, false), new NDList(q, k, v, mask), true)
                        .singletonOrThrow();
                gc.backward(out.mul(upstream).sum());
            }
            float check = q.getGradient().abs().sum().getFloat();
            System.out.println("peakBytes=" + peakBytes() + " gradientL1=" + check);
        }
    }

    private static long peakBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM in /proc/self/status");
    }
}
