package org.fmmbench.harness.scaling;

import org.fmmbench.baselines.attention.AttentionCost;

/**
 * A cell's place under the machine's roofline: the cost its variant declares and the run's ceilings. Its floor
 * is the time the declared FLOPs take at the product ceiling or the declared bytes at the streaming ceiling,
 * whichever is longer; NaN wherever the variant declared no cost or the run has no calibration.
 */
public record Roofline(AttentionCost cost, MachineCeiling ceiling) {
    static final Roofline UNKNOWN = new Roofline(AttentionCost.UNKNOWN, MachineCeiling.UNKNOWN);

    /** The time this roofline reads from a measurement (the ceiling's basis). */
    public double timeMs(CellMeasurement m) {
        return ceiling.basis().ms(m);
    }

    public double achievedGflops(CellMeasurement m) {
        return cost.flops() / (timeMs(m) * 1e6);
    }

    public double percentOfPeak(CellMeasurement m) {
        return 100 * achievedGflops(m) / ceiling.gflops();
    }

    public double floorMs() {
        return Math.max(cost.flops() / (ceiling.gflops() * 1e6), cost.bytes() / (ceiling.gbps() * 1e6));
    }

    public double timesAboveFloor(CellMeasurement m) {
        return timeMs(m) / floorMs();
    }
}
