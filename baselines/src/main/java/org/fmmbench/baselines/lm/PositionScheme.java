package org.fmmbench.baselines.lm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which position each token of a segment gets for the {@link SinusoidalPositions} encoding. */
public enum PositionScheme {
    /**
     * The paper's (Transformer-XL): a token's position is its distance to the segment's last token. Sliding a
     * window by one changes every position in it, so nothing computed for one window is valid for the next.
     */
    WINDOW("window"),
    /**
     * A token's position is its index in the stream, whatever segment or window holds it. Keys and values then
     * do not depend on where a window starts, which is what lets {@link StatefulEvaluator} carry state.
     */
    STREAM("stream");

    private final String specName;

    PositionScheme(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** The scheme called {@code name}; an unknown name is refused with the choices. */
    public static PositionScheme bySpecName(String name) {
        for (PositionScheme s : values()) {
            if (s.specName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown positions '" + name + "': use "
                + Arrays.stream(values()).map(PositionScheme::specName).collect(Collectors.joining(" or "))
                + " (window = the paper's, counted back from the segment's end; stream = index in the stream)");
    }
}
