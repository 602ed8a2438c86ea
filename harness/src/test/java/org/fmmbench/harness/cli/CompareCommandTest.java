package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.results.Calibration;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CpuClock;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.scaling.BenchMode;
import org.fmmbench.harness.scaling.CellMeasurement;
import org.fmmbench.harness.scaling.HeadLayout;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.scaling.RunOrigin;
import org.fmmbench.harness.scaling.ScalingCell;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final String[] ROWS = {"softmax", "linear", "band_5", "fmm1_band5"};
    private static final String[] TASKS = {"listops", "text"};

    @TempDir
    Path dir;

    @Test
    void identicalRunsAreWithinTolerance() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r);
        Outcome o = compare(base.toString(), cand.toString());
        assertEquals(0, o.code, o.err);
        assertTrue(o.out.contains("Within tolerance"), o.out);
        assertTrue(Files.readString(cand.resolve("compare.md")).contains("| 1 | ok |"));
    }

    @Test
    void variantThreeTimesSlowerIsARegressionListedFirst() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("band_5") && r.identity().task().equals("text")
                ? with(r, r.status(), r.metrics().testAccBest(), r.metrics().stepMsMedian() * 3) : r);
        assertRegressions(base, cand, 1, "text / band_5", "step time x3.00 normalised");
    }

    @Test
    void stepTimeIsCpuTimeUnlessWallClockIsAsked() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("band_5") ? waitedThreeTimesLonger(r) : r);
        Outcome cpu = compare(base.toString(), cand.toString());
        assertEquals(0, cpu.code, cpu.out + cpu.err);
        Outcome wall = compare(base.toString(), cand.toString(), "--time", "wall");
        assertEquals(1, wall.code, wall.out + wall.err);
        assertRegressionsFirst(wall, 2, "band_5", "step time x3.00 normalised");
        assertTrue(wall.out.contains("Step time: wall-clock"), wall.out);
    }

    @Test
    void cpuStepTimesOfFewerThanTenTicksAreJudgedOnlyPooledPerRow() throws IOException {
        Path base = calibrated(resultsRun("base", 3, r -> cpuMs(r, 10)), 100);
        Path oneCellFourTimes = calibrated(resultsRun("one", 3, r -> cpuMs(r, r.identity().row().equals("band_5")
                && r.identity().task().equals("text") && r.identity().seed() == 1 ? 40 : 10)), 100);
        Outcome one = compare(base.toString(), oneCellFourTimes.toString());
        assertEquals(0, one.code, one.out + one.err);
        assertTrue(one.out.contains("x4.00 calibrated (below resolution, judged pooled per row)"), one.out);
        assertTrue(one.out.contains("| band_5 | 6 | x1.26 calibrated | within tolerance |"), one.out);
        Path rowTwice = calibrated(resultsRun("row", 3, r -> cpuMs(r, r.identity().row().equals("band_5") ? 20 : 10)),
                100);
        Outcome row = compare(base.toString(), rowTwice.toString());
        assertEquals(1, row.code, row.out + row.err);
        assertTrue(row.out.contains("the step time of 1 row(s) pooled over their cells** (band_5;"), row.out);
        assertTrue(row.out.contains("| band_5 | 6 | x2.00 calibrated | **REGRESSION**: pooled step time |"), row.out);
        assertFalse(row.out.contains("| 1 | **REGRESSION**"), "no cell fails alone: " + row.out);
    }

    @Test
    void aMissingSeedFailsAndEachRowShowsItsMeanOverSeeds() throws IOException {
        Path base = resultsRun("base", 3, r -> r);
        Path noSeed2 = resultsRun("cand", 3, r -> r);
        List<CellResult> rows = new ArrayList<>(ResultsCsv.read(noSeed2.resolve("results.csv")));
        rows.removeIf(r -> r.identity().task().equals("text") && r.identity().row().equals("linear")
                && r.identity().seed() == 2);
        ResultsCsv.write(noSeed2.resolve("results.csv"), rows);
        Outcome o = compare(base.toString(), noSeed2.toString());
        assertEquals(1, o.code, o.out + o.err);
        assertTrue(o.out.contains("1 cell(s) of the baseline are missing from the candidate"), o.out);
        assertTrue(o.out.contains("| results: text / linear / smoke / seed 2 | ok |"), o.out);
        // linear: 31, 32, 33 %; t(0.975, 2) = 4.303, standard error 1 / sqrt(3)
        assertTrue(o.out.contains("| listops / linear / smoke | 3 | 32.00 [29.52, 34.48] | 32.00 [29.52, 34.48] |"),
                o.out);
        assertTrue(o.out.contains("| text / linear / smoke | 2 | 31.50 [25.15, 37.85] | 31.50 [25.15, 37.85] |"),
                "only the seeds both runs have: " + o.out);
    }

    private static CellResult cpuMs(CellResult r, double ms) {
        return r.with("step_cpu_ms_median", ms);
    }

    /** The same CPU work, three times the wall-clock: what a step looks like when it shares its core. */
    private static CellResult waitedThreeTimesLonger(CellResult r) {
        return r.with("step_ms_median", r.metrics().stepMsMedian() * 3);
    }

    @Test
    void accuracyDropBeyondToleranceIsARegressionListedFirst() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("linear") && r.identity().task().equals("listops")
                ? with(r, r.status(), r.metrics().testAccBest() - 0.10, r.metrics().stepMsMedian()) : r);
        assertRegressions(base, cand, 1, "listops / linear", "accuracy -10.00 points");
        // the same drop passes a looser tolerance
        assertEquals(0, compare(base.toString(), cand.toString(), "--acc-tolerance", "11").code);
    }

    @Test
    void perplexityRiseBeyondToleranceIsARegression() throws IOException {
        Path base = Files.createDirectories(dir.resolve("lm-base"));
        Path cand = Files.createDirectories(dir.resolve("lm-cand"));
        ResultsCsv.write(base.resolve("results.csv"), List.of(lm("softmax", 30.0), lm("fmm", 32.0)));
        ResultsCsv.write(cand.resolve("results.csv"), List.of(lm("softmax", 30.5), lm("fmm", 35.0)));
        assertRegressions(base, cand, 1, "wikitext / fmm", "perplexity +3.00");
        assertEquals(0, compare(base.toString(), cand.toString(), "--ppl-tolerance", "3.5").code);
    }

    @Test
    void okToFailedIsARegressionListedFirst() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("fmm1_band5")
                && r.identity().task().equals("text")
                ? with(r, CellStatus.FAILED, null, null) : r);
        assertRegressions(base, cand, 1, "text / fmm1_band5", "status ok -> failed");
    }

    @Test
    void uniformlySlowerMachinePassesNormalisedAndFailsRaw() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> with(r, r.status(), r.metrics().testAccBest(),
                r.metrics().stepMsMedian() * 3));
        assertEquals(0, compare(base.toString(), cand.toString()).code);
        Outcome raw = compare(base.toString(), cand.toString(), "--raw");
        assertEquals(1, raw.code, raw.out);
        assertTrue(raw.out.contains("step time x3.00 raw"), raw.out);
    }

    @Test
    void scalingRunsAreNormalisedByTheReferenceEvenWhereItWasSkipped() throws IOException {
        Path base = scalingRun("base", 1.0, 1.0);
        Path same = scalingRun("same", 3.0, 1.0);
        Path slowFmm = scalingRun("slow", 1.0, 3.0);
        Outcome same2 = compare(base.toString(), same.toString());
        assertEquals(0, same2.code, same2.out + same2.err);
        assertEquals(1, compare(base.toString(), same.toString(), "--raw").code);
        Outcome o = compare(base.resolve(ScalingCsv.FILE_NAME).toString(), slowFmm.toString());
        assertEquals(1, o.code, o.out);
        assertRegressionsFirst(o, 4, "scaling: fmm:k=5 / N=256", "step time x3.00 normalised");
        assertTrue(o.out.contains("run's mean reference factor"), o.out);
    }

    @Test
    void memoryRiseIsARegressionOnlyAboveTheFloor() throws IOException {
        Path base = scalingRun("base", 1.0, 1.0, 1.0);
        Path doubled = scalingRun("doubled", 1.0, 1.0, 2.0); // fmm peak n/10 MiB -> n/5 MiB
        Outcome o = compare(base.toString(), doubled.toString());
        assertEquals(1, o.code, o.out + o.err);
        // +25.6 MiB at N=256 is over the default 10 MiB floor, as are N=512..2048
        // softmax's 25.6 MiB at N=256 is under 5 floors: raw there
        assertRegressionsFirst(o, 4, "scaling: fmm:k=5 / N=256", "peak memory x2.00 raw, +26 MiB");
        assertTrue(o.out.contains("unless it rose by 10.0 MiB or less"), o.out);
        Outcome highFloor = compare(base.toString(), doubled.toString(), "--memory-floor", "32");
        // a 32 MiB floor puts the threshold of normalising at 160 MiB: raw at every size here
        assertRegressionsFirst(highFloor, 3, "scaling: fmm:k=5 / N=512", "peak memory x2.00 raw, +51 MiB");
        Outcome negative = compare(base.toString(), doubled.toString(), "--memory-floor", "-1");
        assertEquals(2, negative.code, negative.out);
        assertTrue(negative.err.contains("--memory-floor is in MiB and must be >= 0"), negative.err);
    }

    @Test
    void memoryIsComparedRawWhereTheReferencePeakIsWithinFiveFloorsOfNoise() throws IOException {
        Path repeats = Files.createDirectories(dir.resolve("memory-repeats"));
        for (int i = 1; i <= 3; i++) {
            scalingRun("memory-repeats/run-" + i, 1.0, 1.0, 1.0, 1.0);
        }
        // softmax's own peak at N=256 (25.6 MiB) measured 4x lower, the others unchanged: what a CI run saw
        Outcome noisyReference = compare(repeats.toString(), scalingRun("low", 1.0, 1.0, 1.0, 0.25).toString());
        assertEquals(0, noisyReference.code, "fmm and linear did not change: " + noisyReference.out);
        assertTrue(noisyReference.out.contains("memory compared raw where the reference variant's peak is below 50 "
                + "MiB (5 x --memory-floor)"), noisyReference.out);
        // softmax's peak at N=1024 (102 MiB) is well above the noise: fmm there stays normalised, and doubled fails
        Outcome doubled = compare(repeats.toString(), scalingRun("doubled", 1.0, 1.0, 2.0, 1.0).toString());
        assertEquals(1, doubled.code, doubled.out);
        assertTrue(doubled.out.lines().anyMatch(l -> l.contains("**REGRESSION**") && l.contains("N=1024")
                && l.contains("peak memory x2.00 normalised")), doubled.out);
        assertTrue(doubled.out.lines().anyMatch(l -> l.contains("**REGRESSION**") && l.contains("N=256")
                && l.contains("peak memory x2.00 raw")), doubled.out);
    }

    @Test
    void changedConfigHashIsARegressionUnlessAllowed() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("linear") && r.identity().task().equals("text")
                ? withConfigHash(r, "hash-changed") : r);
        assertRegressions(base, cand, 1, "text / linear", "config hash differs (hash-textlin vs hash-changed)");
        Outcome allowed = compare(base.toString(), cand.toString(), "--allow-config-change");
        assertEquals(0, allowed.code, allowed.out);
        assertTrue(allowed.out.contains("allowed by --allow-config-change"), allowed.out);
    }

    @Test
    void changedDataFingerprintIsARegressionAndAnUnrecordedOneANote() throws IOException {
        Path unrecorded = resultsRun("unrecorded", r -> r.with("data_fingerprint", null));
        Path base = resultsRun("base", r -> r);
        Path changed = resultsRun("changed", r -> r.identity().task().equals("text")
                && r.identity().row().equals("linear")
                ? r.with("data_fingerprint", "fp-other") : r);
        Outcome o = compare(unrecorded.toString(), base.toString());
        assertEquals(0, o.code, o.out);
        assertTrue(o.out.contains("data fingerprint not recorded in the baseline"), o.out);
        Outcome drift = compare(base.toString(), changed.toString());
        assertEquals(1, drift.code, drift.out);
        assertRegressionsFirst(drift, 1, "text / linear", "data fingerprint differs (fp-text vs fp-other)");
        assertEquals(0, compare(base.toString(), changed.toString(), "--allow-config-change").code);
    }

    @Test
    void uniformSlowdownOfTheCodeFailsCalibratedWhileASlowerMachinePasses() throws IOException {
        Path base = calibrated(resultsRun("base", r -> r), 100);
        Path slowCode = calibrated(resultsRun("slow-code", r -> with(r, r.status(), r.metrics().testAccBest(),
                r.metrics().stepMsMedian() * 3)), 100);
        Path slowMachine = calibrated(resultsRun("slow-machine", r -> with(r, r.status(), r.metrics().testAccBest(),
                r.metrics().stepMsMedian() * 3)), 300);
        Outcome o = assertRegressions(base, slowCode, ROWS.length * TASKS.length, "listops / softmax",
                "step time x3.00 calibrated");
        assertTrue(o.out.contains("x1.00 normalised; x3.00 calibrated"), "both views are reported: " + o.out);
        Outcome machine = compare(base.toString(), slowMachine.toString());
        assertEquals(0, machine.code, machine.out);
        Outcome uncalibrated = compare(resultsRun("old", r -> r).toString(), slowCode.toString());
        assertEquals(0, uncalibrated.code, uncalibrated.out);
        assertTrue(uncalibrated.out.contains("Step time is not calibrated"), uncalibrated.out);
    }

    @Test
    void runsWhoseCpuTimeWasReadOnDifferentClocksAreNoted() throws IOException {
        Path base = calibrated(resultsRun("process-clock", r -> r), 100, CpuClock.PROCESS);
        Path same = calibrated(resultsRun("thread-clock", r -> r), 100, CpuClock.THREAD);
        Outcome o = compare(base.toString(), same.toString());
        assertEquals(0, o.code, o.out);
        assertTrue(o.out.contains("CPU time was read on different clocks"), o.out);
        Outcome alike = compare(calibrated(resultsRun("thread-too", r -> r), 100).toString(), same.toString());
        assertFalse(alike.out.contains("different clocks"), alike.out);
    }

    @Test
    void withBaselineRepeatsAVerdictNeedsTheBootstrapIntervalAndTheTolerance() throws IOException {
        Path tight = repeats("tight", "linear", 0.96, 1.0, 1.04);
        Path same = calibrated(resultsRun("same", r -> r), 100);
        Outcome o = compare(tight.toString(), same.toString(), "--time", "wall");
        assertEquals(0, o.code, o.out + o.err);
        assertTrue(o.out.contains("inconclusive, detectable x"), o.out);
        assertTrue(o.out.contains("Repeats: 3 baseline and 1 candidate run(s)"), o.out);
        Outcome slow = compare(tight.toString(), linearSlower(1.8).toString(), "--time", "wall");
        // x1.8 is far outside the repeats' +-4 %, but repeats of one sitting do not see the noise between sittings
        assertEquals(0, slow.code, slow.out);
        Outcome slower = compare(tight.toString(), linearSlower(3).toString(), "--time", "wall");
        assertEquals(1, slower.code, slower.out);
        assertRegressionsFirst(slower, TASKS.length, "linear", "step time x3.00 normalised [x");
        assertTrue(slower.out.contains("regression, detectable x"), slower.out);
        Outcome noisy = compare(repeats("noisy", "linear", 0.4, 1.0, 2.5).toString(), linearSlower(3).toString(),
                "--time", "wall");
        assertEquals(0, noisy.code, "repeats that spread more than the tolerance widen the interval: " + noisy.out);
        assertTrue(noisy.out.contains("inconclusive"), noisy.out);
    }

    /** Baseline repeats run-0.. in which {@code row}'s step times are the fixture's times {@code factors}. */
    private Path repeats(String name, String row, double... factors) throws IOException {
        Path repeats = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < factors.length; i++) {
            double f = factors[i];
            calibrated(resultsRun(name + "/run-" + i, r -> r.identity().row().equals(row)
                    ? with(r, r.status(), r.metrics().testAccBest(), r.metrics().stepMsMedian() * f) : r), 100);
        }
        return repeats;
    }

    private Path linearSlower(double factor) throws IOException {
        return calibrated(resultsRun("linear-x" + factor, r -> r.identity().row().equals("linear")
                ? with(r, r.status(), r.metrics().testAccBest(), r.metrics().stepMsMedian() * factor) : r), 100);
    }

    @Test
    void referenceVariantMissingFromTheRunsIsBadInputUnlessRaw() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r);
        assertBadInput("--reference-variant 'softmx' matches no cell of the baseline",
                base.toString(), cand.toString(), "--reference-variant", "softmx");
        assertEquals(0, compare(base.toString(), cand.toString(), "--reference-variant", "softmx", "--raw").code);
        assertEquals(0, compare(base.toString(), cand.toString(), "--reference-variant", "linear").code);
    }

    @Test
    void outputOverAnInputIsRefusedAndTheInputKept() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r);
        Path csv = base.resolve("results.csv");
        String before = Files.readString(csv);
        assertBadInput("is the baseline's input file", base.toString(), cand.toString(), "--output", csv.toString());
        assertEquals(before, Files.readString(csv));
    }

    @Test
    void missingBaselineIsBadInput() throws IOException {
        Path cand = resultsRun("cand", r -> r);
        Outcome o = compare(dir.resolve("nope").toString(), cand.toString());
        assertEquals(2, o.code);
        assertTrue(o.err.contains("baseline") && o.err.contains("does not exist"), o.err);
    }

    @Test
    void directoryWithoutResultsIsBadInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path cand = resultsRun("cand", r -> r);
        assertBadInput("holds neither results.csv nor scaling.csv", empty.toString(), cand.toString());
    }

    @Test
    void foreignCsvIsBadInput() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        Path cand = resultsRun("cand", r -> r);
        assertBadInput("is neither an fmmbench results.csv", other.toString(), cand.toString());
    }

    @Test
    void resultsAgainstScalingHasNothingToMatch() throws IOException {
        assertBadInput("Nothing to match", resultsRun("base", r -> r).toString(), scalingRun("cand", 1, 1).toString());
    }

    @Test
    void schemaVersionMismatchIsNamed() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r);
        Path file = cand.resolve("results.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        // schema_version is the second column; an older writer's file
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",", 3);
            lines.set(i, parts[0] + ",0," + parts[2]);
        }
        Files.write(file, lines);
        Outcome o = compare(base.toString(), cand.toString());
        assertEquals(2, o.code);
        assertTrue(o.err.contains("Schema versions differ") && o.err.contains("version " + CellResult.SCHEMA_VERSION)
                && o.err.contains("has 0"), o.err);
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",", 3);
            lines.set(i, parts[0] + ",1," + parts[2]);
        }
        Files.write(file, lines);
        Outcome additive = compare(base.toString(), cand.toString());
        assertEquals(0, additive.code, "version 1 only lacks columns added since: " + additive.err);
        assertTrue(additive.out.contains("schema versions 1 and " + CellResult.SCHEMA_VERSION + " are compared"),
                additive.out);
    }

    @Test
    void newerScalingSchemaIsNamed() throws IOException {
        Path base = scalingRun("base", 1, 1);
        Path cand = scalingRun("cand", 1, 1);
        for (Path run : List.of(base, cand)) {
            Path file = run.resolve(ScalingCsv.FILE_NAME);
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            for (int i = 1; i < lines.size(); i++) {
                lines.set(i, "2" + lines.get(i).substring(1));
            }
            Files.write(file, lines);
        }
        assertBadInput("scaling schema version 2", base.toString(), cand.toString());
    }

    @Test
    void cellsOfOneSideAreListedAndChartIsWritten() throws IOException {
        Path base = resultsRun("base", r -> r);
        Path cand = resultsRun("cand", r -> r.identity().row().equals("linear") ? renamed(r, "linear_v2") : r);
        Path chart = dir.resolve("deltas.png");
        Path md = dir.resolve("out/compare.md");
        Outcome o = compare(base.toString(), cand.toString(), "--chart", chart.toString(), "--output", md.toString());
        assertEquals(1, o.code, "a cell missing from the candidate is a regression: " + o.err);
        assertTrue(o.out.contains("**REGRESSION: 2 cell(s) of the baseline are missing from the candidate**"), o.out);
        assertTrue(o.out.contains("## Missing from the candidate: REGRESSION (2)")
                && o.out.contains("## Only in the candidate (2)"), o.out);
        assertTrue(Files.size(chart) > 1000);
        assertEquals(o.out.substring(0, o.out.indexOf("Written to")).strip(), Files.readString(md).strip());
    }

    /** {@code compare args} exits with 2 and says {@code message}. */
    private void assertBadInput(String message, String... args) {
        Outcome o = compare(args);
        assertEquals(2, o.code);
        assertTrue(o.err.contains(message), o.err);
    }

    /** Compares {@code cand} with {@code base}, expecting exit 1 with {@code count} regressions, listed first. */
    private Outcome assertRegressions(Path base, Path cand, int count, String first, String reason) {
        Outcome o = compare(base.toString(), cand.toString());
        assertEquals(1, o.code, o.out + o.err);
        assertRegressionsFirst(o, count, first, reason);
        return o;
    }

    /** The table's first row is {@code cell} failing for {@code reason}, and rows 1..count are the regressions. */
    private static void assertRegressionsFirst(Outcome o, int count, String cell, String reason) {
        List<String> rows = o.out.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertTrue(rows.get(0).contains("REGRESSION") && rows.get(0).contains(cell) && rows.get(0).contains(reason),
                rows.get(0));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i < count, rows.get(i).contains("**REGRESSION**"), o.out);
        }
    }

    /**
     * A run of TASKS x ROWS; softmax is 4x slower than the others, as it is at long N. Every step takes 100 ms or
     * more, ten CPU-clock ticks, so each cell's time is judged on its own.
     */
    private Path resultsRun(String name, UnaryOperator<CellResult> change) throws IOException {
        return resultsRun(name, 1, change);
    }

    /** TASKS x ROWS x seeds 0 .. seeds-1; each seed's accuracy a point higher than the last. */
    private Path resultsRun(String name, int seeds, UnaryOperator<CellResult> change) throws IOException {
        List<CellResult> cells = new ArrayList<>();
        for (String task : TASKS) {
            for (int i = 0; i < ROWS.length; i++) {
                double ms = ROWS[i].equals("softmax") ? 400 : 100 + 10 * i;
                for (int seed = 0; seed < seeds; seed++) {
                    CellResult r = result(task, ROWS[i], CellStatus.OK, 0.30 + 0.01 * i + 0.01 * seed, ms);
                    cells.add(change.apply(seed == 0 ? r : r.with("seed", seed).with("cell_id",
                            r.identity().cellId() + "-s" + seed)));
                }
            }
        }
        Path run = Files.createDirectories(dir.resolve(name));
        ResultsCsv.write(run.resolve("results.csv"), cells);
        return run;
    }

    private Path scalingRun(String name, double machine, double fmmFactor) throws IOException {
        return scalingRun(name, machine, fmmFactor, 1.0);
    }

    private Path scalingRun(String name, double machine, double fmmFactor, double fmmMemory) throws IOException {
        return scalingRun(name, machine, fmmFactor, fmmMemory, 1.0);
    }

    /**
     * Softmax, linear and fmm at N = 256..2048; peak memory is N / 10 MiB, times {@code fmmMemory} for fmm and
     * {@code softmaxMemory256} for softmax at N = 256.
     */
    private Path scalingRun(String name, double machine, double fmmFactor, double fmmMemory, double softmaxMemory256)
            throws IOException {
        List<ScalingRow> rows = new ArrayList<>();
        RunOrigin p = new RunOrigin(name, "2026-11-27T00:00:00Z",
                new Provenance("abc", false, "cpu", "17", "0.36.0", "2.7.1"), 0, "quick");
        for (int n : new int[] {256, 512, 1024, 2048}) {
            for (String variant : new String[] {"softmax", "linear", "fmm:k=5"}) {
                double ms = machine * (variant.equals("softmax") ? n * n / 1e4 : n / 100.0)
                        * (variant.startsWith("fmm") ? fmmFactor : 1);
                ScalingCell cell = new ScalingCell(VariantSpec.parse(variant), n, 1, new HeadLayout(2, 32), false,
                        BenchMode.FWD);
                if (n == 2048 && variant.equals("softmax")) {
                    // too big for the memory budget: the run's mean reference factor normalises this size
                    rows.add(ScalingRow.skipped(cell, 1e6, "estimated 1 TiB", 1, p));
                    continue;
                }
                double mib = n / 10.0 * (variant.startsWith("fmm") ? fmmMemory
                        : variant.equals("softmax") && n == 256 ? softmaxMemory256 : 1);
                rows.add(ScalingRow.ok(cell, new CellMeasurement(ms, ms, ms, ms, ms, mib, mib), Double.NaN, 1, p));
            }
        }
        Path run = Files.createDirectories(dir.resolve(name));
        ScalingCsv.write(run.resolve(ScalingCsv.FILE_NAME), rows);
        return run;
    }

    private static CellResult result(String task, String row, CellStatus status, Double acc, Double stepMs) {
        return new CellResult(new CellResult.Identity("run", CellResult.SCHEMA_VERSION, task + "-" + row, task, row,
                row, "smoke", 0), status, "", new CellResult.Config("hash-" + task + row, "standin", "cpu", 1, "fp-" +
                task), new CellResult.Metrics(acc, 10, acc, acc, 1.0, 30, 3.0, stepMs, stepMs, 100.0, 0.5, stepMs ==
                null ? null : 500.0, 1000L, null, null, null, 5.0, stepMs, 0.0, 0.0, 0.0, null, null, "", null, null),
                new Provenance("abc", false, "cpu", "17", "0.36.0", "2.7.1"), "2026-11-27T00:00:00Z");
    }

    private static CellResult lm(String row, double testPpl) {
        return new CellResult(new CellResult.Identity("run", CellResult.SCHEMA_VERSION, "wikitext-" + row, "wikitext",
                row, row, "smoke", 0), CellStatus.OK, "", new CellResult.Config("hash", "standin", "cpu", 1, "fp-lm"),
                new CellResult.Metrics(null, 10, null, null, 3.0, 30, 3.0, 20.0, 20.0, 100.0, 0.5, 500.0, 1000L,
                testPpl, testPpl, 5.0, 5.0, 20.0, 0.0, 0.0, 0.0, null, null, "", null, null), new Provenance("abc",
                false, "cpu", "17", "0.36.0", "2.7.1"), "2026-11-27T00:00:00Z");
    }

    private static CellResult with(CellResult r, CellStatus status, Double acc, Double stepMs) {
        return result(r.identity().task(), r.identity().row(), status, acc, stepMs);
    }

    private static CellResult withConfigHash(CellResult r, String hash) {
        return r.with("config_hash", hash);
    }


    /** Gives {@code run} a calibration of {@code cpuMs} (CPU and wall), read on the thread clock. */
    private static Path calibrated(Path run, double cpuMs) throws IOException {
        return calibrated(run, cpuMs, CpuClock.THREAD);
    }

    private static Path calibrated(Path run, double cpuMs, CpuClock clock) throws IOException {
        new Calibration(Calibration.SCHEMA_VERSION, "test", cpuMs, cpuMs, cpuMs / 2, cpuMs / 2, 7, 1,
                "2026-12-05T00:00:00Z", clock.label()).write(run);
        return run;
    }

    private static CellResult renamed(CellResult r, String row) {
        return result(r.identity().task(), row, r.status(), r.metrics().testAccBest(), r.metrics().stepMsMedian());
    }

    private Outcome compare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        int code = FmmbenchCli.execute(all.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private record Outcome(int code, String out, String err) {
    }
}
