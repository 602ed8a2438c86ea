package org.fmmbench.harness.scaling;

import java.util.Locale;
import java.util.Map;

/**
 * The machine's calibrated ceilings for one run, measured through the same engine, thread count and JMH settings
 * as the cells ({@link MachineCeilingBenchmark}): matrix-product GFLOP/s and streaming GB/s.
 *
 * @param basis the time the ceilings were computed from, the same one the cells' roofline reads
 */
public record MachineCeiling(double gflops, double gbps, TimeBasis basis) {
    static final MachineCeiling UNKNOWN = new MachineCeiling(Double.NaN, Double.NaN, TimeBasis.WALL);

    /** Runs both calibration benchmarks. */
    static MachineCeiling calibrate(JmhCellRunner runner, TimeBasis basis) throws Exception {
        String bench = MachineCeilingBenchmark.class.getName();
        double productMs = basis.ms(runner.run(bench + ".product", Map.of()));
        double streamMs = basis.ms(runner.run(bench + ".stream", Map.of()));
        return new MachineCeiling(MachineCeilingBenchmark.PRODUCT_FLOPS / (productMs * 1e6),
                MachineCeilingBenchmark.STREAM_BYTES / (streamMs * 1e6), basis);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%.1f GFLOP/s (%d^3 matrix product), %.1f GB/s (in-place add of %d MiB "
                + "arrays), %s time", gflops, MachineCeilingBenchmark.MATRIX, gbps,
                MachineCeilingBenchmark.STREAM_ELEMENTS * 4 >> 20, basis);
    }
}
