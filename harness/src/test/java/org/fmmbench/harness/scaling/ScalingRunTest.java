package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.cli.ScalingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The quick scaling path end to end on tiny N, in this JVM (no forks) so that it stays short. No timing asserts. */
class ScalingRunTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private ScalingPlan plan(String... extra) {
        List<String> args = new ArrayList<>(List.of("--quick", "--forks", "0", "--warmup-iterations", "1",
                "--iterations", "2", "--iteration-time", "20", "--out", tmp.toString(), "--run-id", "t"));
        args.addAll(Arrays.asList(extra));
        ScalingCommand command = new ScalingCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.plan();
    }

    private List<ScalingRow> run(ScalingPlan plan) throws IOException {
        return new ScalingRun(plan, new PrintStream(log, true, StandardCharsets.UTF_8)).execute();
    }

    @Test
    void quickPathWritesARowPerCellForEveryVariantWithChartsAndTargets() throws IOException {
        Path reports = tmp.resolve("reports");
        ScalingPlan plan = plan("--n-min", "64", "--n-max", "128", "--reports", reports.toString());
        run(plan);

        List<String> lines = Files.readAllLines(plan.csvFile());
        assertEquals(String.join(",", ScalingCsv.COLUMNS), lines.get(0));
        List<ScalingRow> rows = ScalingCsv.read(plan.csvFile());
        assertEquals(plan.cells().size(), rows.size());
        assertEquals(4 * 2 * 2, rows.size());
        for (VariantSpec v : plan.variants()) {
            for (BenchMode mode : BenchMode.values()) {
                for (int n : List.of(64, 128)) {
                    ScalingRow row = rows.stream().filter(r -> r.cell().variant().equals(v) && r.cell().mode() == mode
                            && r.cell().n() == n).findFirst().orElseThrow(() -> new AssertionError(v + " " + mode + " " + n));
                    assertEquals(RowStatus.OK, row.status(), row.detail());
                    assertTrue(row.measurement().medianMs() > 0 && row.measurement().minMs() <= row.measurement().medianMs()
                            && row.measurement().medianMs() <= row.measurement().maxMs(), row.toString());
                    assertTrue(row.measurement().rssHighWaterMib() > 0, row.toString());
                    assertEquals(1, row.threads());
                    assertEquals("t", row.provenance().runId());
                    // every built-in variant declares its cost, and the run calibrated its ceilings first
                    assertTrue(row.roofline().cost().known() && row.roofline().ceiling().gflops() > 0
                            && row.roofline().ceiling().gbps() > 0, row.toString());
                    assertTrue(row.roofline().timesAboveFloor(row.measurement()) > 1, row.toString());
                }
            }
        }
        for (String chart : List.of("time-vs-n-b1-h2-d32.png", "memory-vs-n-b1-h2-d32.png", "gflops-vs-n-b1-h2-d32.png",
                "floor-multiple-vs-n-b1-h2-d32.png")) {
            for (Path dir : List.of(plan.runDir(), reports)) {
                byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(chart)), 4);
                assertArrayEquals(PNG_MAGIC, head, dir.resolve(chart) + " is not a PNG");
            }
        }
        String targets = Files.readString(plan.runDir().resolve(ScalingRun.TARGETS_FILE));
        assertTrue(targets.contains("| fmm fwdbwd time slope, N 4096-65536 | <= 1.15 | not measured |"), targets);
        assertTrue(Files.exists(reports.resolve(ScalingRun.TARGETS_FILE)));
    }

    @Test
    void softmaxCellsOverTheMemoryBudgetAreRecordedAsSkippedWithTheirEstimate() throws IOException {
        ScalingPlan plan = plan("--variants", "softmax,linear", "--n-min", "64", "--n-max", "64", "--modes", "fwd",
                "--memory-budget", "1MiB");
        List<ScalingRow> rows = run(plan);

        ScalingRow softmax = rows.stream().filter(r -> r.cell().variant().name().equals("softmax")).findFirst().orElseThrow();
        assertEquals(RowStatus.SKIPPED_OOM, softmax.status());
        assertTrue(softmax.estimatedMib() > 1, softmax.toString());
        assertTrue(softmax.detail().contains("exceeds the memory budget"), softmax.detail());
        ScalingRow linear = rows.stream().filter(r -> r.cell().variant().name().equals("linear")).findFirst().orElseThrow();
        assertEquals(RowStatus.OK, linear.status(), linear.detail());
        assertTrue(Files.readString(plan.csvFile()).contains(",skipped-oom,"));
    }

    @Test
    void modelStepRowsCarryTokensPerSecondAndSoftmaxOverBudgetIsSkipped() throws IOException {
        // Text, B=1: softmax is estimated at 624 MiB (7 x 2 layers x B H N^2 x 4 B + 512 MiB), over the budget.
        ScalingPlan plan = plan("--variants", "softmax,linear", "--modes", "none", "--model-step", "text",
                "--model-batch", "1", "--memory-budget", "600MiB");
        run(plan);
        List<ModelStepRow> rows = ModelStepCsv.read(plan.runDir().resolve(ModelStepCsv.FILE_NAME));
        assertEquals(2, rows.size());
        ModelStepRow softmax = rows.get(0);
        assertEquals(RowStatus.SKIPPED_OOM, softmax.status(), softmax.detail());
        assertEquals(624, softmax.estimatedMib(), 1e-9);
        ModelStepRow linear = rows.get(1);
        assertEquals(RowStatus.OK, linear.status(), linear.detail());
        assertEquals(1024, linear.n());
        assertEquals(1024 / (linear.measurement().medianMs() / 1000), linear.tokensPerSecond(), 1e-6);
        assertTrue(linear.tokensPerSecond() > 0);
    }

    @Test
    void rerunWithTheSameRunIdKeepsMeasuredCells() throws IOException {
        ScalingPlan plan = plan("--variants", "linear", "--n-min", "64", "--n-max", "128", "--modes", "fwd");
        run(plan);
        String afterFirst = Files.readString(plan.csvFile());
        run(plan);
        assertEquals(afterFirst, Files.readString(plan.csvFile()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("already measured, kept"));
    }

    @Test
    void resumingWithAnotherThreadCountIsRefused() throws IOException {
        run(plan("--variants", "linear", "--n-min", "64", "--n-max", "64", "--modes", "fwd"));
        ScalingPlan other = plan("--variants", "linear", "--n-min", "64", "--n-max", "64", "--modes", "fwd",
                "--threads", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(other));
        assertTrue(e.getMessage().contains("new --run-id"), e.getMessage());
    }

    @Test
    void optionListsBecomeTheCellsInRunOrder() {
        ScalingPlan plan = plan("--variants", "linear,fmm:k=5,kernels=elu", "--n-min", "256", "--n-max", "1024",
                "--causal", "false,true", "--heads-dims", "2x32,8x64", "--modes", "fwdbwd");
        assertEquals(List.of(VariantSpec.parse("linear"), VariantSpec.parse("fmm:k=5,kernels=elu")), plan.variants());
        assertEquals(List.of(256, 512, 1024), plan.ns());
        assertEquals(2 * 3 * 2 * 2, plan.cells().size());
        assertEquals(new ScalingCell(VariantSpec.parse("fmm:k=5,kernels=elu"), 256, 1, new HeadLayout(2, 32), false,
                BenchMode.FWDBWD), plan.cells().get(1));
        assertEquals(new HeadLayout(8, 64), plan.cells().get(plan.cells().size() - 1).layout());
        assertTrue(plan.cells().get(plan.cells().size() - 1).causal());
    }

    @Test
    void unknownVariantAndBadLayoutAreRejectedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan("--variants", "softmax,nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> plan("--heads-dims", "2by32"));
        assertTrue(e.getMessage().contains("2by32"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("t")));
    }
}
