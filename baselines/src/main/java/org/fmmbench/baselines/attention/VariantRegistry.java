package org.fmmbench.baselines.attention;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds attention variants by name through {@link ServiceLoader}; one name maps to one provider. */
public final class VariantRegistry {
    private final Map<String, AttentionProvider> providers;

    private VariantRegistry(Map<String, AttentionProvider> providers) {
        this.providers = providers;
    }

    /** Every provider visible to the given class loader (the context loader if {@code null}). */
    public static VariantRegistry load(ClassLoader loader) {
        Map<String, AttentionProvider> found = new TreeMap<>();
        ServiceLoader<AttentionProvider> sl = loader == null
                ? ServiceLoader.load(AttentionProvider.class)
                : ServiceLoader.load(AttentionProvider.class, loader);
        for (AttentionProvider p : sl) {
            AttentionProvider previous = found.put(p.name(), p);
            if (previous != null && previous.getClass() != p.getClass()) {
                throw new IllegalStateException("Two attention variants are named '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName()
                        + ". Rename one of them.");
            }
        }
        return new VariantRegistry(found);
    }

    public static VariantRegistry load() {
        return load(null);
    }

    public Map<String, AttentionProvider> providers() {
        return java.util.Collections.unmodifiableMap(providers);
    }

    public AttentionProvider provider(String name) {
        AttentionProvider p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("Unknown attention variant '" + name + "'. Known variants: "
                    + String.join(", ", providers.keySet())
                    + ". A variant from another jar must be on the class path and listed in its "
                    + "META-INF/services/" + AttentionProvider.class.getName() + ".");
        }
        return p;
    }

    public Attention create(VariantSpec spec, AttentionSettings settings) {
        return provider(spec.name()).create(spec, settings);
    }

    /** The cost the variant declares for one call at {@code shape}; {@link AttentionCost#UNKNOWN} if none. */
    public AttentionCost cost(VariantSpec spec, AttentionShape shape) {
        return provider(spec.name()).cost(spec, shape);
    }

    public Attention create(String spec, AttentionSettings settings) {
        return create(VariantSpec.parse(spec), settings);
    }
}
