package org.fmmbench.baselines.attention;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Activation;
import java.util.*;
import java.util.function.Function;

/**
 * The non-causal elu+elu_flip far field with other constructions of the (N, 2d) features [elu(x) | elu(-x)],
 * against the committed one (far2 = {@link ScaledFarField} with {@link FeatureMap#concatenatedMinusOne}): cat (the
 * same, re-assembled here), sign (x times a broadcast [1, -1], one op instead of neg + cat), stack (stack instead of
 * cat), split (no (N, 2d) array: elu(k), elu(-k) and two products per side). Thread CPU time of one forward +
 * backward at B = 1, H = 2, d = 32, rounds interleaved, medians; linear is the one-kernel far field.
 * Usage: FarFieldFeatureCpuTime N ROUNDS 'linear;far2;cat;sign;stack;split'
 */
public class FarFieldFeatureCpuTime {
    static NDArray featCat(NDArray x) { return FeatureMap.concatenatedMinusOne(List.of(FeatureMap.ELU, FeatureMap.ELU_FLIP), x); }
    static NDArray featSign(NDArray x) {
        Shape s = x.getShape();
        NDArray sign = x.getManager().create(new float[] {1f, -1f}, new Shape(2, 1));
        NDArray both = x.expandDims(3).mul(sign);
        return Activation.elu(both.reshape(s.get(0), s.get(1), s.get(2), 2 * s.get(3)), 1f);
    }
    static NDArray featStack(NDArray x) {
        Shape s = x.getShape();
        NDArray both = NDArrays.stack(new NDList(x, x.neg()), 3);
        return Activation.elu(both.reshape(s.get(0), s.get(1), s.get(2), 2 * s.get(3)), 1f);
    }

    static NDArray far(AttentionInputs in, Function<NDArray, NDArray> feat) {
        NDArray v = in.v();
        NDArray state = v.swapAxes(2, 3).matMul(feat.apply(in.k())).swapAxes(2, 3).add(v.sum(new int[] {2}, true));
        state = state.mul(Scalars.constant(in.q(), (float) (1 / Math.sqrt(in.length()))));
        return feat.apply(in.q()).matMul(state).addi(state.sum(new int[] {2}, true));
    }
    /** Two separate products per kernel, no cat. */
    static NDArray farSplit(AttentionInputs in) {
        NDArray v = in.v(), vT = v.swapAxes(2, 3), vs = v.sum(new int[] {2}, true);
        NDArray sc = Scalars.constant(in.q(), (float) (1 / Math.sqrt(in.length())));
        NDArray s1 = vT.matMul(Activation.elu(in.k(), 1f)).swapAxes(2, 3).add(vs).mul(sc);
        NDArray s2 = vT.matMul(Activation.elu(in.k().neg(), 1f)).swapAxes(2, 3).add(vs).mul(sc);
        return Activation.elu(in.q(), 1f).matMul(s1).addi(Activation.elu(in.q().neg(), 1f).matMul(s2))
                .addi(s1.add(s2).sum(new int[] {2}, true));
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), reps = Integer.parseInt(a[1]), batch = a.length > 3 ? Integer.parseInt(a[3]) : 1;
        String[] wanted = a[2].split(";");
        NDManager base = NDManager.newBaseManager();
        AttentionSettings s = new AttentionSettings(2, 32, false, 0f);
        Shape sh = new Shape(batch, 2, n, 32);
        Map<String, Function<AttentionInputs, NDArray>> fs = new LinkedHashMap<>();
        for (String w : wanted) {
            switch (w) {
                case "far2" -> fs.put(w, in -> FarField.of(in.settings()).attend(in, List.of(FeatureMap.ELU, FeatureMap.ELU_FLIP), Arrays.asList(null, null), null));
                case "cat" -> fs.put(w, in -> far(in, FarFieldFeatureCpuTime::featCat));
                case "sign" -> fs.put(w, in -> far(in, FarFieldFeatureCpuTime::featSign));
                case "stack" -> fs.put(w, in -> far(in, FarFieldFeatureCpuTime::featStack));
                case "split" -> fs.put(w, FarFieldFeatureCpuTime::farSplit);
                case "near" -> fs.put(w, in -> BandedSoftmax.attend(in, 5, 0f, true));
                case "linear" -> fs.put(w, in -> FarField.of(in.settings()).attend(in, List.of(FeatureMap.ELU), Arrays.asList((NDArray) null), null));
                default -> throw new IllegalArgumentException(w);
            }
        }
        CpuRounds.printDifferences(base, new Shape(1, 2, 37, 32), s, fs,
                in -> FarField.of(in.settings()).attend(in, List.of(FeatureMap.ELU, FeatureMap.ELU_FLIP), Arrays.asList(null, null), null));
        CpuRounds.timeAndPrint(base, sh, s, fs, reps, String.valueOf(n));
    }
}
