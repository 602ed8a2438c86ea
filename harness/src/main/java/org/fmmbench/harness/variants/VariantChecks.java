package org.fmmbench.harness.variants;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fmmbench.baselines.attention.Attention;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;

/**
 * Properties every attention variant must have before anyone trains it for hours, checked on small random
 * inputs through the engine: outputs and gradients are finite; a causal block's outputs and gradients do not
 * depend on later positions; keys marked as padding change nothing. What the {@code Attention} interface gives
 * no hook for (a dense reference of the variant, its declared memory growth) is reported as skipped, not passed.
 */
public final class VariantChecks {
    /** Largest absolute difference tolerated between outputs that must be equal (float32, O(1) values). */
    static final double TOLERANCE = 1e-5;
    private static final int BATCH = 2;
    private static final int HEADS = 2;
    private static final int HEAD_DIM = 8;

    /** How one check ended. */
    public enum Outcome {
        PASS, FAIL, SKIP
    }

    /** One line of {@code variants --check}. */
    public record Check(String name, Outcome outcome, String detail) {
        @Override
        public String toString() {
            return outcome + "  " + name + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final VariantRegistry registry;
    private final int n;

    /** @param n sequence length of the checks (a few dozen suffice; must exceed the variant's band) */
    public VariantChecks(VariantRegistry registry, int n) {
        this.registry = registry;
        this.n = n;
    }

    public List<Check> run(VariantSpec spec) {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        List<Check> checks = new ArrayList<>();
        for (boolean causal : new boolean[] {false, true}) {
            String mode = causal ? "causal" : "non-causal";
            AttentionSettings settings = new AttentionSettings(HEADS, HEAD_DIM, causal, 0f);
            Attention block;
            try {
                block = registry.create(spec, settings);
            } catch (IllegalArgumentException e) {
                checks.add(new Check(mode + ": builds", Outcome.SKIP, e.getMessage()));
                continue;
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                manager.getEngine().setRandomSeed(11);
                Shape shape = new Shape(BATCH, HEADS, n, HEAD_DIM);
                block.initialize(manager, DataType.FLOAT32, shape, shape, shape);
                ParameterStore store = new ParameterStore(manager, false);
                checks.add(finite(mode, block, store, manager, shape));
                checks.add(causal ? noFutureLeak(block, store, manager, shape)
                        : paddingIgnored(block, store, manager, shape));
            } catch (RuntimeException e) {
                checks.add(new Check(mode + ": runs", Outcome.FAIL, e.toString()));
            }
        }
        checks.add(new Check("dense reference", Outcome.SKIP, "the Attention interface offers no dense reference "
                + "to compare with; the built-in variants are compared with theirs in the baselines tests"));
        checks.add(new Check("peak memory growth", Outcome.SKIP, "variants declare no memory growth; measure it "
                + "with fmmbench scaling --variants " + spec));
        return checks;
    }

    private Check finite(String mode, Attention block, ParameterStore store, NDManager manager, Shape shape) {
        NDArray[] qkv = inputs(manager, shape);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = block.attend(store, qkv[0], qkv[1], qkv[2], null, true);
            collector.backward(out.mul(manager.randomNormal(out.getShape())).sum());
            for (int i = 0; i < 3; i++) {
                if (!allFinite(qkv[i].getGradient())) {
                    return new Check(mode + ": outputs and gradients finite", Outcome.FAIL,
                            "the gradient of " + "qkv".charAt(i) + " holds NaN or infinity");
                }
            }
            return allFinite(out) ? new Check(mode + ": outputs and gradients finite", Outcome.PASS, "")
                    : new Check(mode + ": outputs and gradients finite", Outcome.FAIL, "the output holds NaN or "
                            + "infinity");
        }
    }

    /** Changing positions t..N-1 of q, k and v must leave outputs 0..t-1 alone, and their gradients zero there. */
    private Check noFutureLeak(Attention block, ParameterStore store, NDManager manager, Shape shape) {
        int t = n / 2;
        NDArray[] qkv = inputs(manager, shape);
        NDArray out = block.attend(store, qkv[0], qkv[1], qkv[2], null, false);
        NDArray[] changed = new NDArray[3];
        NDIndex future = new NDIndex(":, :, {}:", t);
        for (int i = 0; i < 3; i++) {
            changed[i] = qkv[i].duplicate();
            changed[i].set(future, manager.randomNormal(new Shape(BATCH, HEADS, n - t, HEAD_DIM)));
        }
        NDArray out2 = block.attend(store, changed[0], changed[1], changed[2], null, false);
        NDIndex past = new NDIndex(":, :, :{}", t);
        double diff = maxAbs(out.get(past).sub(out2.get(past)));
        String name = "causal: no leak from future positions";
        if (diff > TOLERANCE) {
            return new Check(name, Outcome.FAIL, String.format(Locale.ROOT, "outputs before position %d moved by "
                    + "%.3g when positions %d..%d changed", t, diff, t, n - 1));
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray o = block.attend(store, qkv[0], qkv[1], qkv[2], null, true);
            collector.backward(o.get(past).sum());
            for (int i = 1; i < 3; i++) {
                double g = maxAbs(qkv[i].getGradient().get(future));
                if (g > TOLERANCE) {
                    return new Check(name, Outcome.FAIL, String.format(Locale.ROOT, "outputs before position %d "
                            + "have a gradient of %.3g on %s at later positions", t, g, "qkv".charAt(i)));
                }
            }
        }
        return new Check(name, Outcome.PASS, String.format(Locale.ROOT, "outputs and gradients before position %d "
                + "unchanged (max difference %.1g)", t, diff));
    }

    /** Keys masked as padding (the last quarter) may hold anything: no output may change. */
    private Check paddingIgnored(Attention block, ParameterStore store, NDManager manager, Shape shape) {
        int real = n - n / 4;
        NDArray[] qkv = inputs(manager, shape);
        NDArray mask = manager.ones(new Shape(BATCH, n));
        mask.set(new NDIndex(":, {}:", real), 0f);
        NDArray out = block.attend(store, qkv[0], qkv[1], qkv[2], mask, false);
        NDIndex padded = new NDIndex(":, :, {}:", real);
        NDArray k = qkv[1].duplicate();
        NDArray v = qkv[2].duplicate();
        k.set(padded, manager.randomNormal(new Shape(BATCH, HEADS, n - real, HEAD_DIM)).mul(10));
        v.set(padded, manager.randomNormal(new Shape(BATCH, HEADS, n - real, HEAD_DIM)).mul(10));
        NDArray out2 = block.attend(store, qkv[0], k, v, mask, false);
        NDIndex realQueries = new NDIndex(":, :, :{}", real);
        double diff = maxAbs(out.get(realQueries).sub(out2.get(realQueries)));
        String name = "non-causal: padded keys change nothing";
        return diff <= TOLERANCE
                ? new Check(name, Outcome.PASS, String.format(Locale.ROOT, "max difference %.1g", diff))
                : new Check(name, Outcome.FAIL, String.format(Locale.ROOT, "outputs of real positions moved by %.3g "
                        + "when padded keys and values changed", diff));
    }

    private static NDArray[] inputs(NDManager manager, Shape shape) {
        NDArray[] qkv = new NDArray[3];
        for (int i = 0; i < 3; i++) {
            qkv[i] = manager.randomNormal(shape);
            qkv[i].setRequiresGradient(true);
        }
        return qkv;
    }

    private static boolean allFinite(NDArray a) {
        return a.isInfinite().logicalOr(a.isNaN()).none().getBoolean();
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }
}
