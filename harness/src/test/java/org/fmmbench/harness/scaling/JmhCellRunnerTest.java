package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.fmmbench.baselines.attention.VariantSpec;
import org.junit.jupiter.api.Test;

/** One cell in a real JMH fork: the fork starts (class path, env prefix, JVM arguments) and reports both profilers. */
class JmhCellRunnerTest {

    @Test
    void aCellRunsInItsOwnForkWithBothProfilers() throws Exception {
        JmhSettings settings = new JmhSettings(1, 1, Duration.ofMillis(50), 2, Duration.ofMillis(50));
        ScalingCell cell = new ScalingCell(VariantSpec.parse("linear"), 64, 1, new HeadLayout(2, 32), false,
                BenchMode.FWDBWD);
        CellMeasurement m = new JmhCellRunner(settings, 1, false).run(cell);
        assertTrue(m.medianMs() > 0 && m.cpuMs() > 0 && m.threadCpuMs() > 0, m.toString());
        assertTrue(m.peakMib() >= 0, m.toString());
        // A fresh JVM with libtorch loaded is well above 100 MiB resident.
        assertTrue(m.rssHighWaterMib() > 100, m.toString());
    }
}
