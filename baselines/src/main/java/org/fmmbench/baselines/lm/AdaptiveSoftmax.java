package org.fmmbench.baselines.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adaptive softmax output (Grave et al. 2017) as used by the official LM with {@code div_val 1}: word logits are
 * {@code h·Eᵀ + b} with E the input embedding table (tied, unscaled) and b a per-word bias (init 0).
 *
 * <p>The head covers words [0, c_1) plus one token per tail cluster (cluster vectors N(0, 0.02), biases 0); tail
 * cluster i covers [c_i, c_{i+1}) and is a softmax over its own words, so
 * {@code log p(w) = log p_head(cluster(w)) + log p_tail(w | cluster)}. With no cutoffs it is a plain softmax.
 * Tail logits are computed only for the rows whose target falls in that tail, as in the official code.
 *
 * <p>Difference from the official code, which does not change the model: tail cluster i uses cluster vector i−1
 * (the official code indexes the cluster columns from the end).
 */
public final class AdaptiveSoftmax extends AbstractBlock {
    private final Parameter tiedWeight;
    private final int vocabSize;
    private final int dim;
    /** Cluster boundaries: bounds[0] is the head's word count, bounds[last] = vocabSize. */
    private final int[] bounds;
    private final Parameter bias;
    private final Parameter clusterWeight;
    private final Parameter clusterBias;

    /**
     * @param tiedWeight the (vocabSize, dim) embedding table, owned and initialised by its embedding block
     * @param cutoffs strictly increasing, each in (0, vocabSize); empty for a plain softmax
     */
    public AdaptiveSoftmax(Parameter tiedWeight, int vocabSize, int dim, int[] cutoffs) {
        super((byte) 1);
        for (int i = 0; i < cutoffs.length; i++) {
            if (cutoffs[i] <= (i == 0 ? 0 : cutoffs[i - 1]) || cutoffs[i] >= vocabSize) {
                throw new IllegalArgumentException("adaptive-softmax cutoffs " + Arrays.toString(cutoffs)
                        + " must be strictly increasing and inside (0, " + vocabSize + ")");
            }
        }
        this.tiedWeight = tiedWeight;
        this.vocabSize = vocabSize;
        this.dim = dim;
        this.bounds = Arrays.copyOf(cutoffs, cutoffs.length + 1);
        this.bounds[cutoffs.length] = vocabSize;
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(vocabSize)).build());
        int clusters = cutoffs.length;
        if (clusters > 0) {
            this.clusterWeight = addParameter(Parameter.builder().setName("clusterWeight")
                    .setType(Parameter.Type.WEIGHT).optShape(new Shape(clusters, dim))
                    .optInitializer(new NormalInitializer(0.02f)).build());
            this.clusterBias = addParameter(Parameter.builder().setName("clusterBias")
                    .setType(Parameter.Type.BIAS).optShape(new Shape(clusters)).build());
        } else {
            this.clusterWeight = null;
            this.clusterBias = null;
        }
    }

    public int vocabSize() {
        return vocabSize;
    }

    Parameter tiedWeight() {
        return tiedWeight;
    }

    public int tailClusters() {
        return bounds.length - 1;
    }

    /**
     * Input: hidden (M, d) and targets (M) (integer ids); output: log p(target) (M).
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(targetLogProbs(store, inputs.get(0), inputs.get(1), training));
    }

    /** log p(target_m | h_m) for each row m: hidden (M, d), targets (M) → (M). */
    public NDArray targetLogProbs(ParameterStore store, NDArray hidden, NDArray targets, boolean training) {
        int m = Math.toIntExact(hidden.getShape().get(0));
        long[] t = targets.toType(DataType.INT64, false).toLongArray();
        if (t.length != m) {
            throw new IllegalArgumentException("hidden has " + m + " rows but targets has " + t.length);
        }
        Device device = hidden.getDevice();
        NDArray w = store.getValue(tiedWeight, device, training);
        NDArray b = store.getValue(bias, device, training);
        NDArray headLp = headLogProbs(store, hidden, w, b, training);
        NDManager manager = hidden.getManager();

        int head = bounds[0];
        long[] headColumn = new long[m];
        List<List<Integer>> rowsOfCluster = new ArrayList<>();
        for (int c = 1; c < bounds.length; c++) {
            rowsOfCluster.add(new ArrayList<>());
        }
        for (int r = 0; r < m; r++) {
            if (t[r] < 0 || t[r] >= vocabSize) {
                throw new IllegalArgumentException("target id " + t[r] + " outside the vocabulary [0, "
                        + vocabSize + ")");
            }
            int cluster = clusterOf(t[r]);
            headColumn[r] = cluster == 0 ? t[r] : head + cluster - 1;
            if (cluster > 0) {
                rowsOfCluster.get(cluster - 1).add(r);
            }
        }
        NDArray headPart = headLp.gather(manager.create(headColumn, new Shape(m, 1)), 1).reshape(m);
        if (bounds.length == 1) {
            return headPart;
        }
        // Tail terms are computed for each cluster's rows only, concatenated in cluster order, then put back in
        // row order by one gather with the inverse permutation (differentiable, unlike in-place scatter).
        List<NDArray> pieces = new ArrayList<>();
        long[] order = new long[m];
        int filled = 0;
        int headRows = m - rowsOfCluster.stream().mapToInt(List::size).sum();
        if (headRows > 0) {
            pieces.add(manager.zeros(new Shape(headRows), hidden.getDataType()));
            for (int r = 0; r < m; r++) {
                if (t[r] < head) {
                    order[filled++] = r;
                }
            }
        }
        for (int c = 1; c < bounds.length; c++) {
            List<Integer> rows = rowsOfCluster.get(c - 1);
            if (rows.isEmpty()) {
                continue;
            }
            long[] rowIds = new long[rows.size()];
            long[] within = new long[rows.size()];
            for (int i = 0; i < rowIds.length; i++) {
                rowIds[i] = rows.get(i);
                within[i] = t[rows.get(i)] - bounds[c - 1];
                order[filled++] = rows.get(i);
            }
            NDArray h = hidden.get(manager.create(rowIds));
            NDArray tailLp = tailLogProbs(h, w, b, c);
            pieces.add(tailLp.gather(manager.create(within, new Shape(rowIds.length, 1)), 1)
                    .reshape(rowIds.length));
        }
        long[] inverse = new long[m];
        for (int i = 0; i < m; i++) {
            inverse[(int) order[i]] = i;
        }
        NDArray tailPart = NDArrayConcat.concat(pieces, 0).get(manager.create(inverse));
        return headPart.add(tailPart);
    }

    /** Log-probabilities of every word: hidden (M, d) → (M, vocabSize). For tests and small vocabularies. */
    public NDArray logProbabilities(ParameterStore store, NDArray hidden, boolean training) {
        Device device = hidden.getDevice();
        NDArray w = store.getValue(tiedWeight, device, training);
        NDArray b = store.getValue(bias, device, training);
        NDArray headLp = headLogProbs(store, hidden, w, b, training);
        int head = bounds[0];
        List<NDArray> parts = new ArrayList<>();
        parts.add(headLp.get(new NDIndex(":, 0:{}", head)));
        for (int c = 1; c < bounds.length; c++) {
            NDArray clusterLp = headLp.get(new NDIndex(":, {}:{}", head + c - 1, head + c));
            parts.add(tailLogProbs(hidden, w, b, c).add(clusterLp));
        }
        return NDArrayConcat.concat(parts, 1);
    }

    private NDArray headLogProbs(ParameterStore store, NDArray hidden, NDArray w, NDArray b, boolean training) {
        int head = bounds[0];
        NDArray headW = w.get(new NDIndex("0:{}", head));
        NDArray headB = b.get(new NDIndex("0:{}", head));
        if (clusterWeight != null) {
            headW = headW.concat(store.getValue(clusterWeight, hidden.getDevice(), training), 0);
            headB = headB.concat(store.getValue(clusterBias, hidden.getDevice(), training), 0);
        }
        return hidden.matMul(headW.transpose()).add(headB).logSoftmax(1);
    }

    private NDArray tailLogProbs(NDArray hidden, NDArray w, NDArray b, int cluster) {
        int lo = bounds[cluster - 1];
        int hi = bounds[cluster];
        NDArray tw = w.get(new NDIndex("{}:{}", lo, hi));
        NDArray tb = b.get(new NDIndex("{}:{}", lo, hi));
        return hidden.matMul(tw.transpose()).add(tb).logSoftmax(1);
    }

    private int clusterOf(long id) {
        int c = 0;
        while (id >= bounds[c]) {
            c++;
        }
        return c;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    public String toString() {
        return "AdaptiveSoftmax(vocab=" + vocabSize + ", d=" + dim + ", bounds=" + Arrays.toString(bounds) + ")";
    }
}
