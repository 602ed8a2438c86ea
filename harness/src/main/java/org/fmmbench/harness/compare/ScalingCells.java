package org.fmmbench.harness.compare;

import java.util.List;
import org.fmmbench.harness.scaling.ScalingCell;
import org.fmmbench.harness.scaling.ScalingRow;

/** Turns rows of {@code scaling.csv} into comparable cells: one per variant, N, B, H, d, causality and mode. */
final class ScalingCells {
    private ScalingCells() {
    }

    /** @param reference variant spec of the reference, e.g. {@code softmax} */
    static List<ComparableCell> of(RunInput run, String reference, TimeMeasure time) {
        return run.readScaling().stream().map(r -> cell(r, run, reference, time)).toList();
    }

    private static ComparableCell cell(ScalingRow r, RunInput run, String reference, TimeMeasure time) {
        ScalingCell c = r.cell();
        String shape = "N=" + c.n() + " B=" + c.batch() + " H=" + c.layout().heads() + " d=" + c.layout().headDim()
                + (c.causal() ? " causal" : "") + " " + c.mode().label();
        return new ComparableCell("scaling", c.variant() + " / " + shape, shape,
                reference.equals(c.variant().toString()), r.status().label(), r.ok(), null, null,
                finite(time == TimeMeasure.CPU ? r.measurement().cpuMs() : r.measurement().medianMs()),
                finite(r.measurement().peakMib()), null, null, run.label(), run.calibrationMs(time), null, null);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
