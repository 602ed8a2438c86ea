package org.fmmbench.baselines.attention;

/** {@code none}: the attention-free control row, identity on the values. */
public final class NoAttentionProvider extends ParameterlessAttentionProvider {
    public NoAttentionProvider() {
        super("none", "no attention: each position keeps its own value (control row: how much a task needs "
                + "attention)", NoAttention::new);
    }
}
