package org.fmmbench.harness.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.scaling.CellMeasurement;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI relies on: {@code compare} with the tolerances {@code .ci/run} uses (the defaults for the smoke run, the
 * wider ones it passes for quick scaling) against the committed reference results ({@code results/reference/})
 * fails on a planted regression of the real smoke and quick-scaling numbers and passes on the reference itself.
 */
class ReferenceRegressionTest {
    private static final Path REFERENCE = Path.of("..", "results", "reference");
    private static final Path SMOKE = REFERENCE.resolve("smoke").resolve("results.csv");
    private static final Path SCALING = REFERENCE.resolve("scaling-quick").resolve(ScalingCsv.FILE_NAME);
    private static final ObjectMapper JSON = ResultsCsv.json();
    /** The options {@code .ci/run} adds for the quick scaling comparison. */
    private static final List<String> CI_SCALING_OPTIONS = ciScalingOptions();

    @TempDir
    Path dir;

    @Test
    void referenceComparedWithItselfPasses() {
        assertEquals(0, compare(SMOKE.toString(), SMOKE.toString()).code());
        assertEquals(0, compare(SCALING.toString(), SCALING.toString(), CI_SCALING_OPTIONS).code());
    }

    @Test
    void fmmMadeThreeTimesSlowerFailsEveryFmmCell() throws IOException {
        List<CellResult> reference = ResultsCsv.read(SMOKE);
        Path planted = plantResults(r -> r.row().equals("fmm2_band5")
                ? set(set(r, "step_ms_median", r.stepMsMedian() * 3), "step_cpu_ms_median", r.stepCpuMsMedian() * 3) : r);
        Outcome o = compare(SMOKE.toString(), planted.toString());
        assertEquals(1, o.code(), o.out());
        long fmmCells = reference.stream().filter(r -> r.row().equals("fmm2_band5") && r.status() == CellStatus.OK)
                .count();
        assertEquals(fmmCells, regressions(o).stream().filter(l -> l.contains("fmm2_band5")).count(), o.out());
        assertEquals(fmmCells, regressions(o).size(), "only the planted cells regress: " + o.out());
    }

    @Test
    void accuracyDropOfOneTaskFails() throws IOException {
        Path planted = plantResults(r -> r.task().equals("listops") && r.row().equals("linear")
                ? set(r, "test_acc_best", r.testAccBest() - 0.10) : r);
        Outcome o = compare(SMOKE.toString(), planted.toString());
        assertEquals(1, o.code(), o.out());
        assertEquals(1, regressions(o).size(), o.out());
        assertTrue(regressions(o).get(0).contains("listops / linear"), o.out());
    }

    @Test
    void perplexityRiseOfOneLmRowFails() throws IOException {
        Path planted = plantResults(r -> r.task().equals("lm") && r.row().equals("fmm2_band20")
                ? set(r, "test_ppl", r.testPpl() + 5) : r);
        Outcome o = compare(SMOKE.toString(), planted.toString());
        assertEquals(1, o.code(), o.out());
        assertTrue(regressions(o).get(0).contains("lm / fmm2_band20"), o.out());
    }

    @Test
    void fmmMadeFiveTimesSlowerInTheQuickScalingRunFails() throws IOException {
        List<ScalingRow> rows = new ArrayList<>();
        for (ScalingRow r : ScalingCsv.read(SCALING)) {
            boolean fmm = r.cell().variant().toString().startsWith("fmm") && r.ok();
            rows.add(fmm ? new ScalingRow(r.cell(), r.status(), slower(r.measurement(), 5), r.estimatedMib(),
                    r.threads(), r.detail(), r.provenance(), r.roofline()) : r);
        }
        Path planted = Files.createDirectories(dir.resolve("scaling"));
        ScalingCsv.write(planted.resolve(ScalingCsv.FILE_NAME), rows);
        Outcome o = compare(SCALING.toString(), planted.toString(), CI_SCALING_OPTIONS);
        assertEquals(1, o.code(), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm")), o.out());
        assertTrue(!regressions(o).isEmpty());
    }

    @Test
    void fmmHoldingDenseAttentionMatricesInTheQuickScalingRunFailsAtTheLargestN() throws IOException {
        List<ScalingRow> rows = new ArrayList<>();
        for (ScalingRow r : ScalingCsv.read(SCALING)) {
            boolean fmm = r.cell().variant().toString().startsWith("fmm") && r.ok();
            // three float32 N x N matrices per head (scores, weights, their gradient): a variant gone quadratic
            double nByN = 2.0 * r.cell().n() * r.cell().n() * 4 / (1 << 20);
            rows.add(fmm ? new ScalingRow(r.cell(), r.status(), larger(r.measurement(), 3 * nByN), r.estimatedMib(),
                    r.threads(), r.detail(), r.provenance(), r.roofline()) : r);
        }
        Path planted = Files.createDirectories(dir.resolve("scaling-memory"));
        ScalingCsv.write(planted.resolve(ScalingCsv.FILE_NAME), rows);
        Outcome o = compare(SCALING.toString(), planted.toString(), CI_SCALING_OPTIONS);
        assertEquals(1, o.code(), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm") && l.contains("N=2048")), o.out());
        // +96 MiB at N=2048 is caught; +24 MiB at N=1024 is within the memory floor (noise reached 8 MiB)
        assertEquals(2, regressions(o).size(), "fwd and fwdbwd at N=2048: " + o.out());
    }

    private Path plantResults(UnaryOperator<CellResult> change) throws IOException {
        List<CellResult> planted = ResultsCsv.read(SMOKE).stream().map(change).toList();
        Path run = Files.createDirectories(dir.resolve("smoke"));
        ResultsCsv.write(run.resolve("results.csv"), planted);
        return run;
    }

    /** {@code r} with one column (snake case, as in the CSV) set to {@code value}. */
    private static CellResult set(CellResult r, String field, double value) {
        ObjectNode node = JSON.valueToTree(r);
        node.put(field, value);
        try {
            return JSON.treeToValue(node, CellResult.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CellMeasurement slower(CellMeasurement m, double factor) {
        return new CellMeasurement(m.medianMs() * factor, m.minMs() * factor, m.maxMs() * factor, m.cpuMs() * factor,
                m.peakMib(), m.rssHighWaterMib());
    }

    private static CellMeasurement larger(CellMeasurement m, double extraMib) {
        return new CellMeasurement(m.medianMs(), m.minMs(), m.maxMs(), m.cpuMs(), m.peakMib() + extraMib,
                m.rssHighWaterMib() + extraMib);
    }

    private static List<String> regressions(Outcome o) {
        return o.out().lines().filter(l -> l.contains("**REGRESSION**")).toList();
    }

    private Outcome compare(String baseline, String candidate) {
        return compare(baseline, candidate, List.of());
    }

    private Outcome compare(String baseline, String candidate, List<String> options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("compare", baseline, candidate, "--output",
                dir.resolve("compare-" + System.nanoTime() + ".md").toString()));
        args.addAll(options);
        int code = FmmbenchCli.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Outcome(code, out.toString() + err, err.toString());
    }

    private static List<String> ciScalingOptions() {
        try {
            Matcher m = Pattern.compile("--time-tolerance (\\S+) --memory-tolerance (\\S+)")
                    .matcher(Files.readString(Path.of("..", ".ci", "run")));
            if (!m.find()) {
                throw new IllegalStateException(".ci/run no longer passes --time-tolerance and --memory-tolerance "
                        + "to the quick scaling comparison: update this test with it.");
            }
            return List.of("--time-tolerance", m.group(1), "--memory-tolerance", m.group(2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(int code, String out, String err) {
    }
}
