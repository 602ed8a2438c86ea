package org.fmmbench.baselines.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Memory proof of linear cost: forward + backward at N = 65,536 (B=1, H=2, d=32) peaks well below what one
 * N x N float array needs (16 GiB per head). Each run is a fresh JVM so that nothing else inflates its peak.
 */
class LinearMemoryTest {
    private static final int N = 65_536;
    private static final long LIMIT = 2L << 30;
    private static final Pattern PEAK = Pattern.compile("peakBytes=(\\d+) gradientL1=(\\S+)");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {"band:k=5;non-causal", "fmm:k=5,kernels=elu+elu_flip;non-causal",
        "band:k=5;causal", "fmm:k=5,kernels=elu+elu_flip,blend=near_channel,kmix=fixed;causal"})
    void forwardAndBackwardAt65536PeakUnderTwoGiB(String spec, String form) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName(), spec, form, Integer.toString(N)));
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), "probe failed:\n" + output);
        Matcher m = PEAK.matcher(output);
        assertTrue(m.find(), "no peak reported:\n" + output);
        long peak = Long.parseLong(m.group(1));
        float gradient = Float.parseFloat(m.group(2));
        System.out.printf("%s %s at N=%d: peak resident %.0f MiB%n", spec, form, N, peak / 1048576.0);
        assertTrue(Float.isFinite(gradient) && gradient > 0, "gradient " + gradient);
        assertTrue(peak < LIMIT, spec + " " + form + " peaked at " + peak / 1048576 + " MiB");
    }
}
