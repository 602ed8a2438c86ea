package org.fmmbench.harness.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.Calibration;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.EngineCellTraining;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RegistryCellValidator;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.harness.scaling.CellMeasurement;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingRow;
import org.fmmbench.harness.train.FarRecallWorkload;
import org.fmmbench.harness.train.NearRecallWorkload;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI relies on: {@code compare} as {@code .ci/run} calls it, against the committed reference results
 * ({@code results/reference/}, repeats {@code run-1..R} as {@code fmmbench reference} writes them), fails on each
 * planted fault of the real smoke and quick-scaling numbers with exit 1 and passes on a reference run itself. Each
 * candidate is the reference's first run (with its calibration) with one fault planted.
 */
class ReferenceRegressionTest {
    private static final Path REFERENCE = Path.of("..", "results", "reference");
    private static final Path SMOKE = REFERENCE.resolve("smoke");
    private static final Path SCALING = REFERENCE.resolve("scaling-quick");
    /** The smoke profile's FMMformer row that the separating tasks check (issue #15). */
    private static final String SEPARATING_ROW = "fmm1_band5";
    /** The options {@code .ci/run} passes to each comparison (besides its paths and --output), exactly. */
    private static final List<String> CI_SMOKE_OPTIONS = ciOptions("smoke");
    private static final List<String> CI_SCALING_OPTIONS = ciOptions("scaling-quick");

    @TempDir
    Path dir;

    @Test
    void aReferenceRunComparedWithTheReferencePasses() throws IOException {
        Outcome smoke = compare(SMOKE, plantResults(r -> r));
        assertEquals(0, smoke.code(), smoke.out());
        Outcome scaling = compare(SCALING, plantScaling(r -> false, m -> m), CI_SCALING_OPTIONS);
        assertEquals(0, scaling.code(), scaling.out());
    }

    /**
     * A twofold slow-down of every cell is inside one cell's tolerance (x2.5) and cancels in the normalised view; the
     * calibrated step time of every row pooled over its cells (x1.5) catches it.
     */
    @Test
    void uniformTwofoldSlowdownFailsEveryPooledRow() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> slower(r, 2)));
        assertEquals(1, o.code(), o.out());
        List<String> pools = pooledRegressions(o);
        assertEquals(pools.size(), pooledRows(o).size(), "every pooled row fails: " + o.out());
        assertTrue(pools.size() >= 5, o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("calibrated")), o.out());
    }

    @Test
    void softmaxOnlySlowdownFailsSoftmaxAlone() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().row().equals("softmax") ? slower(r, 2) : r));
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of("softmax"), pooledRegressions(o), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("softmax") && l.contains("calibrated")),
                "only softmax fails, in the calibrated view (the normalised one sees the others faster): " + o.out());
    }

    @Test
    void fmmMadeThreeTimesSlowerFailsItsRowAndEveryResolvedFmmCell() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().row().equals("fmm2_band5") ? slower(r, 3) : r));
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of("fmm2_band5"), pooledRegressions(o), o.out());
        long resolved = okCells(r -> r.identity().row().equals("fmm2_band5")
                && r.metrics().stepCpuMsMedian() >= RunComparator.RESOLVED_TICKS * 10);
        // none since the reference moved to the thread CPU clock (ee32a45: the smoke fmm cells read 20-77 ms), so the
        // row's pool alone catches the slow-down there; a reference with resolved fmm cells fails each of them too
        assertEquals(resolved + 1, regressions(o).size(), "only the planted cells regress: " + o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm2_band5")), o.out());
    }

    @Test
    void droppedCellFails() throws IOException {
        Path planted = plantResults(r -> r);
        List<CellResult> rows = new ArrayList<>(ResultsCsv.read(planted.resolve("results.csv")));
        CellResult dropped = rows.stream().filter(r -> r.identity().task().equals(FarRecallWorkload.TASK)
                && r.identity().row().equals(SEPARATING_ROW)).reduce((a, b) -> b).orElseThrow();
        rows.remove(dropped);
        ResultsCsv.write(planted.resolve("results.csv"), rows);
        Outcome o = compare(SMOKE, planted);
        assertEquals(1, o.code(), o.out());
        assertTrue(o.out().contains("1 cell(s) of the baseline are missing from the candidate"), o.out());
        assertTrue(o.out().contains(dropped.identity().task() + " / " + dropped.identity().row() + " ("
                + dropped.identity().variant() + ") / smoke / seed "
                + dropped.identity().seed()), o.out());
    }

    @Test
    void changedConfigFailsUnlessAllowed() throws IOException {
        Path planted = plantResults(r -> r.identity().task().equals("listops") && r.identity().row().equals("linear")
                ? r.with("config_hash", "0000" + r.config().configHash().substring(4)) : r);
        Outcome o = compare(SMOKE, planted);
        assertEquals(1, o.code(), o.out());
        assertEquals(1, regressions(o).size(), o.out());
        assertTrue(regressions(o).get(0).contains("listops / linear") && regressions(o).get(0).contains("config hash"),
                o.out());
        assertEquals(0, compare(SMOKE, planted, with(CI_SMOKE_OPTIONS, "--allow-config-change")).code());
    }

    @Test
    void accuracyDropOfOneTaskFails() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().task().equals("listops")
                && r.identity().row().equals("linear")
                ? r.with("test_acc_best", r.metrics().testAccBest() - 0.10) : r));
        assertEquals(1, o.code(), o.out());
        assertEquals(1, regressions(o).size(), o.out());
        assertTrue(regressions(o).get(0).contains("listops / linear"), o.out());
    }

    @Test
    void doubledFmmMemoryInTheSmokeRunFails() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().row().startsWith("fmm") && r.status() == CellStatus.OK
                ? r.with("peak_rss_mib", r.metrics().peakRssMib() * 2) : r));
        assertEquals(1, o.code(), o.out());
        assertEquals(okCells(r -> r.identity().row().startsWith("fmm")), regressions(o).size(), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm") && l.contains("peak memory")), o.out());
    }

    /** Every seed of the FMMformer row on the separating tasks at the tasks' chance rate. */
    @Test
    void accuracyCollapsedToChanceOnTheSeparatingTasksFails() throws IOException {
        Map<String, Double> chance = Map.of(FarRecallWorkload.TASK, 0.25, NearRecallWorkload.TASK, 0.5);
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().row().equals(SEPARATING_ROW)
                && chance.containsKey(r.identity().task())
                ? r.with("test_acc_best", chance.get(r.identity().task())) : r));
        assertEquals(1, o.code(), o.out());
        assertEquals(okCells(r -> r.identity().row().equals(SEPARATING_ROW) && chance.containsKey(r.identity().task())),
                regressions(o).size(), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains(SEPARATING_ROW) && l.contains("accuracy")), o.out());
    }

    /**
     * The reference's own numbers: an fmm that lost its far field reaches on far-recall what band_5 (its near field
     * alone) reaches, seed by seed, and one that lost its near field reaches on near-recall what linear (its far field
     * alone) reaches. Each fails on exactly the task that needs the lost field.
     */
    @Test
    void fmmWithOneFieldsAccuracyFailsTheSeparatingTaskOfTheOther() throws IOException {
        List<CellResult> reference = ResultsCsv.read(SMOKE.resolve("run-1").resolve("results.csv"));
        for (Map.Entry<String, String> lost : Map.of(FarRecallWorkload.TASK, "band_5", NearRecallWorkload.TASK,
                "linear").entrySet()) {
            String task = lost.getKey();
            Outcome o = compare(SMOKE, plantResults(r -> {
                if (!r.identity().task().equals(task) || !r.identity().row().equals(SEPARATING_ROW)) {
                    return r;
                }
                CellResult half = reference.stream().filter(h -> h.identity().task().equals(task)
                        && h.identity().row().equals(lost.getValue())
                        && h.identity().seed() == r.identity().seed()).findFirst().orElseThrow();
                return r.with("test_acc_best", half.metrics().testAccBest());
            }));
            assertEquals(1, o.code(), o.out());
            assertEquals(okCells(r -> r.identity().task().equals(task) && r.identity().row().equals(SEPARATING_ROW)),
                    regressions(o).size(),
                    o.out());
            assertTrue(regressions(o).stream().allMatch(l -> l.contains(task + " / " + SEPARATING_ROW)
                    && l.contains("accuracy")), o.out());
        }
    }

    /**
     * Trains, in this JVM, the smoke profile's fmm1_band5 on the separating tasks and the two halves of it: band_5,
     * what fmm computes with its far weight forced to 0 (its near field, banded softmax of the same k; the near
     * weight is a per-head scale the output projection absorbs), and linear, what it computes with its near weight at
     * 0 (its far field, elu + 1 features). A candidate whose fmm cells reach only what one half reaches is an fmm that
     * lost the other half, and compare fails exactly that cell on accuracy.
     */
    @Test
    void fmmThatLostItsFarOrItsNearFieldFailsTheSeparatingTask() throws IOException {
        Map<String, CellResult> trained = trainSeparatingCells(Map.of(FarRecallWorkload.TASK, "band_5",
                NearRecallWorkload.TASK, "linear"));
        List<CellResult> fmm = trained.values().stream().filter(r -> r.identity().row().equals(SEPARATING_ROW))
                .toList();
        Path baseline = separatingRun("baseline", fmm);
        for (String task : List.of(FarRecallWorkload.TASK, NearRecallWorkload.TASK)) {
            CellResult half = trained.values().stream().filter(r -> r.identity().task().equals(task)
                    && !r.identity().row().equals(SEPARATING_ROW)).findFirst().orElseThrow();
            Path planted = separatingRun("lost-" + task, fmm.stream().map(r -> r.identity().task().equals(task)
                    ? r.with("test_acc_best", half.metrics().testAccBest()).with("best_val_acc",
                    half.metrics().bestValAcc()) : r)
                    .toList());
            // raw: no softmax cell is trained here to normalise by, and only accuracy is planted
            Outcome o = compare(baseline, planted, with(CI_SMOKE_OPTIONS, "--raw"));
            assertEquals(1, o.code(), task + ": fmm " + fmm + " vs " + half.identity().row() + " "
                    + half.metrics().testAccBest() + "\n"
                    + o.out());
            assertEquals(1, regressions(o).size(), o.out());
            assertTrue(regressions(o).get(0).contains(task + " / " + SEPARATING_ROW)
                    && regressions(o).get(0).contains("accuracy"), o.out());
        }
    }

    @Test
    void perplexityRiseOfOneLmRowFails() throws IOException {
        Outcome o = compare(SMOKE, plantResults(r -> r.identity().task().equals("lm")
                && r.identity().row().equals("fmm2_band20")
                ? r.with("test_ppl", r.metrics().testPpl() + 5) : r));
        assertEquals(1, o.code(), o.out());
        assertTrue(regressions(o).get(0).contains("lm / fmm2_band20"), o.out());
    }

    @Test
    void fmmMadeFiveTimesSlowerInTheQuickScalingRunFails() throws IOException {
        Outcome o = compare(SCALING, plantScaling(ReferenceRegressionTest::fmm, m -> new CellMeasurement(
                m.medianMs() * 5, m.minMs() * 5, m.maxMs() * 5, m.cpuMs() * 5, m.threadCpuMs() * 5, m.peakMib(),
                m.rssHighWaterMib())),
                CI_SCALING_OPTIONS);
        assertEquals(1, o.code(), o.out());
        assertFalse(regressions(o).isEmpty());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm")), o.out());
    }

    @Test
    void doubledFmmMemoryInTheQuickScalingRunFails() throws IOException {
        Outcome o = compare(SCALING, plantScaling(ReferenceRegressionTest::fmm, m -> new CellMeasurement(
                m.medianMs(), m.minMs(), m.maxMs(), m.cpuMs(), m.threadCpuMs(), m.peakMib() * 2,
                m.rssHighWaterMib())),
                CI_SCALING_OPTIONS);
        assertEquals(1, o.code(), o.out());
        assertTrue(regressions(o).stream().allMatch(l -> l.contains("fmm") && l.contains("peak memory")), o.out());
        assertTrue(regressions(o).stream().anyMatch(l -> l.contains("N=2048")), "the largest N is caught: " + o.out());
    }

    /**
     * The smoke profile's cells of {@link #SEPARATING_ROW} on both separating tasks, and of {@code halves}' row on
     * its task, trained here as {@code reproduce} trains them (same configuration, in this JVM), by task and row.
     */
    private Map<String, CellResult> trainSeparatingCells(Map<String, String> halves) throws IOException {
        Profile smoke = ProfileLoader.load("smoke").withRows(List.of(SEPARATING_ROW, "band_5", "linear"));
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 1);
        RunPlan plan = planner.plan(smoke, new PlanRequest(List.of(FarRecallWorkload.TASK, NearRecallWorkload.TASK),
                null, 1, "cpu", 1, null, null, dir.resolve("cache"), null, "separating")); // seed 0: one trained case
        CellRunner runner = new CellRunner(new EngineCellTraining(null, dir.resolve("cache")), e -> { });
        Map<String, CellResult> trained = new LinkedHashMap<>();
        for (PlannedCell cell : plan.cells()) {
            CellConfig c = cell.config();
            if (c.row().equals(SEPARATING_ROW) || c.row().equals(halves.get(c.task()))) {
                CellResult r = runner.run(plan, cell, dir.resolve("separating"));
                assertEquals(CellStatus.OK, r.status(), r.statusDetail());
                trained.put(c.task() + " / " + c.row(), r);
            }
        }
        return trained;
    }

    /** A run directory holding {@code rows} and the smoke reference's calibration. */
    private Path separatingRun(String name, List<CellResult> rows) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        ResultsCsv.write(run.resolve("results.csv"), rows);
        copyCalibration(SMOKE.resolve("run-1"), run);
        return run;
    }

    private static boolean fmm(ScalingRow r) {
        return r.cell().variant().toString().startsWith("fmm") && r.ok();
    }

    /** The reference's first run with {@code change} applied to every row of its results.csv. */
    private Path plantResults(UnaryOperator<CellResult> change) throws IOException {
        Path source = SMOKE.resolve("run-1");
        List<CellResult> planted = ResultsCsv.read(source.resolve("results.csv")).stream().map(change).toList();
        Path run = Files.createDirectories(dir.resolve("smoke"));
        ResultsCsv.write(run.resolve("results.csv"), planted);
        copyCalibration(source, run);
        return run;
    }

    private Path plantScaling(Predicate<ScalingRow> which, UnaryOperator<CellMeasurement> change) throws IOException {
        Path source = SCALING.resolve("run-1");
        List<ScalingRow> rows = new ArrayList<>();
        for (ScalingRow r : ScalingCsv.read(source.resolve(ScalingCsv.FILE_NAME))) {
            rows.add(which.test(r) ? new ScalingRow(r.cell(), r.status(), change.apply(r.measurement()),
                    r.estimatedMib(), r.threads(), r.detail(), r.provenance(), r.roofline()) : r);
        }
        Path run = Files.createDirectories(dir.resolve("scaling"));
        ScalingCsv.write(run.resolve(ScalingCsv.FILE_NAME), rows);
        copyCalibration(source, run);
        return run;
    }

    private static void copyCalibration(Path from, Path to) throws IOException {
        Files.copy(from.resolve(Calibration.FILE_NAME), to.resolve(Calibration.FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING); // a test may plant several faults in turn
    }

    private static long okCells(Predicate<CellResult> which) throws IOException {
        return ResultsCsv.read(SMOKE.resolve("run-1").resolve("results.csv")).stream()
                .filter(r -> r.status() == CellStatus.OK && which.test(r)).count();
    }

    private static CellResult slower(CellResult r, double factor) {
        if (r.status() != CellStatus.OK) {
            return r; // a cell that timed out has no step time to slow down
        }
        return r.with("step_ms_median", r.metrics().stepMsMedian() * factor).with("step_cpu_ms_median",
                r.metrics().stepCpuMsMedian() * factor);
    }

    /** {@code r} with one column (snake case, as in the CSV) set to {@code value}. */
    private static List<String> with(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return all;
    }

    /** The table rows that regressed: cells and pooled rows. */
    private static List<String> regressions(Outcome o) {
        return o.out().lines().filter(l -> l.contains("**REGRESSION**")).toList();
    }

    /** The rows of the pooled step-time table, by row name. */
    private static List<String> pooledRows(Outcome o) {
        return pooledTable(o).map(l -> l.split(" \\| ")[0].substring(2)).toList();
    }

    private static List<String> pooledRegressions(Outcome o) {
        return pooledTable(o).filter(l -> l.contains("**REGRESSION**: pooled step time"))
                .map(l -> l.split(" \\| ")[0].substring(2)).toList();
    }

    private static Stream<String> pooledTable(Outcome o) {
        return o.out().lines().dropWhile(l -> !l.startsWith("## Step time pooled per row")).skip(1)
                .takeWhile(l -> !l.startsWith("## ")).filter(l -> l.matches("\\| [^|]+ \\| \\d+ \\| .*"));
    }

    /** {@code compare} as {@code .ci/run} calls it for the smoke reference. */
    private Outcome compare(Path baseline, Path candidate) {
        return compare(baseline, candidate, CI_SMOKE_OPTIONS);
    }

    private Outcome compare(Path baseline, Path candidate, List<String> options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("compare", baseline.toString(), candidate.toString(), "--output",
                dir.resolve("compare-" + System.nanoTime() + ".md").toString()));
        args.addAll(options);
        int code = FmmbenchCli.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Outcome(code, out.toString() + err, err.toString());
    }

    /**
     * The options of {@code .ci/run}'s {@code fmmbench compare results/reference/<reference> ...} line (continuation
     * lines joined), without its paths and {@code --output}, so that these tests judge exactly as CI does.
     */
    private static List<String> ciOptions(String reference) {
        try {
            String script = Files.readString(Path.of("..", ".ci", "run")).replace("\\\n", " ");
            Matcher m = Pattern.compile("\\./fmmbench compare results/reference/" + Pattern.quote(reference)
                    + " (\\S+)([^\\n]*)").matcher(script);
            if (!m.find()) {
                throw new IllegalStateException(".ci/run no longer compares with results/reference/" + reference
                        + ": update this test with it.");
            }
            List<String> options = new ArrayList<>(List.of(m.group(2).trim().split("\\s+")));
            int output = options.indexOf("--output");
            if (output >= 0) {
                options.subList(output, output + 2).clear();
            }
            options.removeIf(String::isEmpty);
            return options;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(int code, String out, String err) {
    }
}
