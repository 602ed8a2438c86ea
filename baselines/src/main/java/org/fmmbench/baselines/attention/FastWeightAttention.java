package org.fmmbench.baselines.attention;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Fast-weight attention and the fast-weight FMMformer of the paper's Table 3 (official language-model attention
 * types 24 and 202), causal only. The far field is the delta rule ({@link DeltaRule}) with feature map
 * {@code kernels[0]}; a second kernel adds the plain sum-rule far field ({@link CausalFarField}) as
 * a * fast weight + b * sum, scalars a = 1, b = 0 learnable (flag 7.5). With a band k the near field is banded
 * softmax and the output is w_s * near + w_l * far, w_s = 0 and w_l = 1 per head and channel (flags 6.5, 7.5);
 * without k the output is the far field alone (type 24).
 *
 * <p>The write strength beta_t = sigmoid(x_t W) per head comes from a bias-free linear map, initialised N(0, 0.02)
 * as the official LM code does. The official map reads the layer input x; an attention block here sees only q, k
 * and v, so x_t is the concatenation of every head's q_t | k_t | v_t. Where the q/k/v projection has full column
 * rank (the paper's LM: 3 x 128 outputs of 128 inputs) that is a re-parametrisation of the same family.
 */
public final class FastWeightAttention extends Attention implements RecurrentAttention {
    /** 0 = no near field. */
    private final int band;
    private final List<FeatureMap> kernels;
    private final Parameter betaWeight;
    private final Parameter nearWeight;
    private final Parameter farWeight;
    private final Parameter fastWeightShare;
    private final Parameter sumShare;
    private final CausalFarField sumRule = new CausalFarField();

    FastWeightAttention(VariantSpec spec, AttentionSettings settings, int band, List<FeatureMap> kernels) {
        super((byte) 1, spec, settings);
        if (!settings.causal()) {
            throw new IllegalArgumentException("Attention spec '" + spec + "' is causal only (a fast weight is "
                    + "written left to right): use it in a causal model (language modelling, copy task).");
        }
        this.band = band;
        this.kernels = List.copyOf(kernels);
        long width = (long) settings.heads() * settings.headDim();
        this.betaWeight = addParameter(Parameter.builder().setName("beta_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3 * width, settings.heads())).optInitializer(new NormalInitializer(0.02f))
                .build());
        Shape perChannel = new Shape(1, settings.heads(), 1, settings.headDim());
        this.nearWeight = band == 0 ? null : addParameter(BlendRule.parameter("near_weight", perChannel, 0f));
        this.farWeight = band == 0 ? null : addParameter(BlendRule.parameter("far_weight", perChannel, 1f));
        boolean mixed = kernels.size() == 2;
        this.fastWeightShare = mixed ? addParameter(BlendRule.parameter("kernel_weight_1", new Shape(1), 1f)) : null;
        this.sumShare = mixed ? addParameter(BlendRule.parameter("kernel_weight_2", new Shape(1), 0f)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(attend(store, AttentionInputs.unpack(inputs, settings), training, null));
    }

    @Override
    public NDArray attendNext(ParameterStore store, NDArray q, NDArray k, NDArray v, AttentionState state) {
        return attend(store, Recurrence.inputs(this, q, k, v), false, state);
    }

    /** beta (B, H, N, 1) = sigmoid([q | k | v of every head] W). */
    private NDArray beta(ParameterStore store, AttentionInputs in, boolean training) {
        NDArray w = store.getValue(betaWeight, in.q().getDevice(), training);
        long width = in.heads() * in.headDim();
        NDArray x = NDArrays.concat(new NDList(merge(in.q(), width), merge(in.k(), width), merge(in.v(), width)), -1);
        return Activation.sigmoid(x.matMul(w)).swapAxes(1, 2).expandDims(-1);
    }

    private static NDArray merge(NDArray heads, long width) {
        Shape s = heads.getShape();
        return heads.swapAxes(1, 2).reshape(s.get(0), s.get(2), width);
    }

    private NDArray attend(ParameterStore store, AttentionInputs in, boolean training, AttentionState state) {
        if (in.keyMask() != null) {
            throw new IllegalArgumentException(this + " takes no key mask: causal models here pad nothing.");
        }
        Device device = in.q().getDevice();
        FeatureMap phi = kernels.get(0);
        NDArray far = DeltaRule.attend(normalised(phi.apply(in.q())), normalised(phi.apply(in.k())), in.v(),
                beta(store, in, training), DeltaRule.CHUNK, state);
        if (kernels.size() == 2) {
            List<FeatureMap> second = List.of(kernels.get(1));
            List<NDArray> unweighted = java.util.Collections.singletonList(null);
            NDArray sum = state == null ? sumRule.attend(in, second, unweighted, null)
                    : sumRule.attendNext(in, second, unweighted, null, state);
            far = far.mul(store.getValue(fastWeightShare, device, training))
                    .add(sum.mul(store.getValue(sumShare, device, training)));
        }
        if (band == 0) {
            return far;
        }
        NDArray near = state == null ? BandedSoftmax.attend(in, band, settings.attentionDropout(), training)
                : BandedSoftmax.attendNext(in, band, state);
        return near.mul(store.getValue(nearWeight, device, training))
                .add(far.mul(store.getValue(farWeight, device, training)));
    }

    private static NDArray normalised(NDArray features) {
        return features.div(features.sum(new int[] {-1}, true));
    }
}
