package org.fmmbench.baselines.lm;

import java.util.List;

/**
 * The attention rows of the paper's WikiText-103 table as variant specs (causal forms).
 *
 * <p>The FMMformer rows use the official LM blend (flag 2.5): {@code w ⊙ near + far} with one weight per channel
 * starting at 0, so the near field is switched off at initialisation; two kernels are mixed 0.5/0.5 (fixed).
 * Band {@code k} means k keys including the current token (official causal {@code diag_size}). The last three are
 * Table 3's fast-weight rows (official attention types 24 and 202 with flags 6.5 and 7.5).
 */
public final class LmRows {
    /** A row label as the paper prints it, and the spec that builds it. */
    public record Row(String label, String spec) {
    }

    public static final List<Row> PAPER = List.of(
            new Row("Softmax", "softmax"),
            new Row("Linear", "linear"),
            new Row("Band_5", "band:k=5"),
            new Row("Band_20", "band:k=20"),
            new Row("FMMformer (1-kernel + Band_5)", "fmm:k=5,kernels=elu,blend=near_channel"),
            new Row("FMMformer (1-kernel + Band_20)", "fmm:k=20,kernels=elu,blend=near_channel"),
            new Row("FMMformer (2-kernel + Band_20)", "fmm:k=20,kernels=elu+elu_flip,blend=near_channel,kmix=fixed"),
            new Row("Fast weight", "fastweight"),
            new Row("FMMformer (1-kernel fast weight + Band_20)", "fastweight:k=20"),
            new Row("FMMformer (2-kernel fast weight + Band_20)", "fastweight:k=20,kernels=elu+elu"));

    private LmRows() {
    }
}
