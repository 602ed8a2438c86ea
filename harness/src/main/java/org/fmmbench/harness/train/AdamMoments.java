package org.fmmbench.harness.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The moments of DJL's {@link Adam}, which keeps them in private fields and offers no way to save them: read and
 * written by reflection, so the language model keeps DJL's fused Adam update (its numbers are the reference) and
 * can still be checkpointed. Its step count needs no reflection: {@code optBeginNumUpdate} sets it.
 */
final class AdamMoments implements OptimizerMoments {
    private final Map<String, Map<Device, NDArray>> means;
    private final Map<String, Map<Device, NDArray>> variances;

    AdamMoments(Adam adam) {
        means = field(adam, "means");
        variances = field(adam, "variances");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> field(Adam adam, String name) {
        try {
            Field f = Adam.class.getDeclaredField(name);
            f.setAccessible(true);
            return (Map<String, Map<Device, NDArray>>) f.get(adam);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DJL's Adam has no field '" + name + "' any more: checkpoints of "
                    + "language-model cells need AdamMoments updated for this DJL version.", e);
        }
    }

    private Map<String, Map<Device, NDArray>> table(Kind kind) {
        return kind == Kind.M ? means : variances;
    }

    @Override
    public NDArray get(Kind kind, String parameterId) {
        Map<Device, NDArray> byDevice = table(kind).get(parameterId);
        if (byDevice == null || byDevice.isEmpty()) {
            return null;
        }
        if (byDevice.size() > 1) {
            throw new IllegalStateException("Parameter " + parameterId + " has Adam state on " + byDevice.size()
                    + " devices; checkpoints support one device per cell.");
        }
        return byDevice.values().iterator().next();
    }

    @Override
    public void put(Kind kind, String parameterId, NDArray value) {
        table(kind).computeIfAbsent(parameterId, k -> new ConcurrentHashMap<>()).put(value.getDevice(), value);
    }
}
