package org.fmmbench.harness.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a language-modelling cell scores its valid and test streams ({@code train.evalMode}). */
public enum LmEvalMode {
    /** {@link org.fmmbench.baselines.lm.SlidingWindowEvaluator}: windows of the context, {@code train.evalStride}. */
    WINDOWED("windowed"),
    /**
     * {@link org.fmmbench.baselines.lm.StatefulEvaluator}: one pass with carried attention state, every token seeing
     * all earlier ones; variants without finite state fall back to windowed.
     */
    STATEFUL("stateful");

    private final String specName;

    LmEvalMode(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** The mode called {@code name}, or {@code null}. */
    public static LmEvalMode bySpecName(String name) {
        return Arrays.stream(values()).filter(m -> m.specName.equals(name)).findFirst().orElse(null);
    }

    /** The names, for messages: {@code windowed or stateful}. */
    public static String choices() {
        return Arrays.stream(values()).map(LmEvalMode::specName).collect(Collectors.joining(" or "));
    }
}
