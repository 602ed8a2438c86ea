package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fmmbench.baselines.attention.example.UniformAttention;
import org.fmmbench.baselines.attention.example.UniformAttentionProvider;

class VariantRegistryTest {
    @Test
    void findsTheBuiltInVariants() {
        VariantRegistry registry = VariantRegistry.load();
        // Other test sources of this module register test-only variants; the built-ins are this package's.
        Set<String> builtIn = new java.util.TreeSet<>();
        registry.providers().forEach((name, provider) -> {
            if (provider.getClass().getPackageName().equals(VariantRegistry.class.getPackageName())) {
                builtIn.add(name);
            }
        });
        assertEquals(Set.of("softmax", "linear", "band", "fmm", "none", "fastweight"), builtIn);
        assertInstanceOf(SoftmaxAttention.class, registry.create("softmax", AttentionSettings.nonCausal(2, 8)));
        assertInstanceOf(LinearAttention.class, registry.create("linear", AttentionSettings.causal(2, 8)));
        assertEquals(20, ((BandAttention) registry.create("band:k=20", AttentionSettings.nonCausal(2, 8))).band());
        assertEquals(5, ((FmmAttention) registry.create("fmm", AttentionSettings.nonCausal(2, 8))).band());
    }

    @Test
    void unknownNameListsTheKnownVariants() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> VariantRegistry.load().create("performer", AttentionSettings.nonCausal(2, 8))).getMessage();
        assertTrue(message.contains("Unknown attention variant 'performer'"), message);
        assertTrue(message.contains("Known variants: band, fastweight, fmm, linear, none, softmax"), message);
        assertTrue(message.contains("META-INF/services/org.fmmbench.baselines.attention.AttentionProvider"), message);
    }

    @Test
    void everyParameterIsDocumentedWithItsDefault() {
        for (AttentionProvider p : VariantRegistry.load().providers().values()) {
            assertTrue(!p.summary().isBlank(), p.name());
            for (Map.Entry<String, String> e : p.parameters().entrySet()) {
                assertTrue(e.getValue().toLowerCase(java.util.Locale.ROOT).contains("default"), p.name() + ":" + e.getKey() + " has no default");
            }
        }
    }

    @Test
    void defaultFmmIsTheListOpsTwoKernelRow() {
        FmmAttention fmm = (FmmAttention) VariantRegistry.load().create("fmm", AttentionSettings.nonCausal(2, 8));
        FmmAttention explicit = (FmmAttention) VariantRegistry.load().create(
                "fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab", AttentionSettings.nonCausal(2, 8));
        assertEquals(explicit.getParameters().keys(), fmm.getParameters().keys());
        assertEquals(java.util.List.of("near_weight", "far_weight", "kernel_weight_1", "kernel_weight_2"),
                fmm.getParameters().keys());
    }

    @Test
    void noneHandsEveryPositionItsOwnValue() {
        Attention none = VariantRegistry.load().create("none", AttentionSettings.nonCausal(1, 2));
        assertInstanceOf(RecurrentAttention.class, none);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray q = manager.create(new float[] {5, -1, 2, 7, 0, 3}, new Shape(1, 1, 3, 2));
            NDArray v = manager.create(new float[] {1, 10, 3, 30, 100, 1000}, new Shape(1, 1, 3, 2));
            NDArray mask = manager.create(new float[] {1, 1, 0}, new Shape(1, 3));
            NDArray out = none.attend(new ParameterStore(manager, false), q, q, v, mask, true);
            assertArrayEquals(v.toFloatArray(), out.toFloatArray(), 0f);
            NDArray next = ((RecurrentAttention) none).attendNext(new ParameterStore(manager, false), q, q, v, null);
            assertArrayEquals(v.toFloatArray(), next.toFloatArray(), 0f);
        }
        assertThrows(IllegalArgumentException.class,
                () -> VariantRegistry.load().create("none:k=5", AttentionSettings.nonCausal(1, 2)));
    }

    /** A variant from another jar: its provider is listed in that jar's META-INF/services file. */
    @Test
    void providerListedByAnotherJarIsFound(@TempDir Path jarRoot) throws IOException {
        Path services = jarRoot.resolve("META-INF/services/" + AttentionProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, UniformAttentionProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarRoot.toUri().toURL()},
                getClass().getClassLoader())) {
            VariantRegistry registry = VariantRegistry.load(loader);
            assertTrue(registry.providers().containsKey("uniform"), registry.providers().keySet().toString());
            Attention uniform = registry.create("uniform", AttentionSettings.nonCausal(1, 2));
            assertInstanceOf(UniformAttention.class, uniform);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray v = manager.create(new float[] {1, 10, 3, 30, 100, 1000}, new Shape(1, 1, 3, 2));
                NDArray mask = manager.create(new float[] {1, 1, 0}, new Shape(1, 3));
                NDArray out = uniform.attend(new ParameterStore(manager, false), v, v, v, mask, false);
                assertArrayEquals(new float[] {2, 20, 2, 20, 2, 20}, out.toFloatArray(), 1e-4f);
            }
        }
    }
}
