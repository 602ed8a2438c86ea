package org.fmmbench.baselines.attention;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * FMMformer attention: banded softmax near field plus low-rank far field with one to three feature maps,
 * blended with learnable weights. Linear in N: the near field is {@link BandedSoftmax}, the far field
 * {@link ScaledFarField} (non-causal, LRA form) or {@link CausalFarField} (causal, language-model form).
 * Attention dropout applies to the near-field probabilities only, as in the official code. Causal, it is
 * recurrent: its state is the near field's last k - 1 keys and values and the far field's sums.
 */
public final class FmmAttention extends Attention implements RecurrentAttention {
    private final int band;
    private final List<FeatureMap> kernels;
    private final BlendRule blend;
    private final KernelMix kernelMix;
    private final FarField far;
    private final List<Parameter> blendWeights = new ArrayList<>();
    private final List<Parameter> kernelWeights = new ArrayList<>();

    /** @param kernelMix {@code null} for a single kernel */
    FmmAttention(VariantSpec spec, AttentionSettings settings, int band, List<FeatureMap> kernels, BlendRule blend,
            KernelMix kernelMix) {
        super((byte) 1, spec, settings);
        this.band = band;
        this.kernels = List.copyOf(kernels);
        this.blend = blend;
        this.kernelMix = kernelMix;
        this.far = FarField.of(settings);
        for (Parameter p : blend.parameters(settings)) {
            blendWeights.add(addParameter(p));
        }
        if (kernelMix != null) {
            for (Parameter p : kernelMix.parameters(kernels.size())) {
                kernelWeights.add(addParameter(p));
            }
        }
    }

    public int band() {
        return band;
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

    /** @param state {@code null} for a whole sequence, else the stream's carried state, advanced past {@code in} */
    private NDArray attend(ParameterStore store, AttentionInputs in, boolean training, AttentionState state) {
        Device device = in.q().getDevice();
        NDManager step = in.q().getManager();
        NDArray near = state == null
                ? BandedSoftmax.attend(in, band, settings.attentionDropout(), training)
                : BandedSoftmax.attendNext(in, band, state);
        List<NDArray> blendValues = values(store, blendWeights, device, training);
        List<NDArray> weights = kernelMix == null
                ? Collections.singletonList(null)
                : kernelMix.kernelWeights(values(store, kernelWeights, device, training), kernels.size(), step);
        NDArray farWeight = blend.farWeight(blendValues, step);
        NDArray farField = state == null
                ? far.attend(in, kernels, weights, farWeight)
                : Recurrence.causalFarField(far).attendNext(in, kernels, weights, farWeight, state);
        return BlendRule.blend(near, blend.nearWeight(blendValues, step), farField);
    }

    private static List<NDArray> values(ParameterStore store, List<Parameter> parameters, Device device,
            boolean training) {
        List<NDArray> out = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            out.add(store.getValue(p, device, training));
        }
        return out;
    }
}
