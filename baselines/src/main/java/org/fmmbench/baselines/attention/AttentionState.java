package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link RecurrentAttention} carries from one chunk of a stream to the next, as named arrays. The arrays
 * live in the state's own manager, so per-chunk managers can be closed while the state survives.
 */
public final class AttentionState implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new HashMap<>();

    /** An empty state (nothing seen yet) whose arrays belong to a new sub-manager of {@code parent}. */
    public AttentionState(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** The array stored under {@code name}, or {@code null} before anything was stored. */
    public NDArray get(String name) {
        return arrays.get(name);
    }

    /** Stores {@code value} under {@code name}, moving it into this state's manager and freeing the old one. */
    public void put(String name, NDArray value) {
        value.attach(manager);
        NDArray old = arrays.put(name, value);
        if (old != null && old != value) {
            old.close();
        }
    }

    @Override
    public void close() {
        arrays.clear();
        manager.close();
    }
}
