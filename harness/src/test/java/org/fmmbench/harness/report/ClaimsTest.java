package org.fmmbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.report.Claims.Claim;
import org.fmmbench.harness.report.Claims.Verdict;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ChanceLevel;
import org.fmmbench.harness.scaling.BenchMode;
import org.fmmbench.harness.scaling.CellMeasurement;
import org.fmmbench.harness.scaling.HeadLayout;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.scaling.RunOrigin;
import org.fmmbench.harness.scaling.ScalingCell;
import org.fmmbench.harness.scaling.ScalingRow;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    private static final PaperResults PAPER = PaperResults.load();
    private static final int LISTOPS_VS_LINEAR = 0;
    private static final int LISTOPS_VS_BAND = 1;
    private static final int LM_ORDER = 2;
    private static final int LRA_AVERAGE = 3;
    private static final int LINEAR_IN_N = 4;

    private static CellResult accuracy(String task, String row, long seed, double acc, Integer testExamples) {
        String flags = testExamples != null && ChanceLevel.at(acc, 0.17, testExamples) ? ChanceLevel.FLAG : "";
        return new CellResult(new CellResult.Identity("run", 1, task + "-" + row + "-s" + seed, task, row, row, "cpu",
                seed), CellStatus.OK, "", new CellResult.Config("h", task + "-generated", "cpu", 1, "fp"),
                new CellResult.Metrics(acc, 10, acc, acc, 1.5, 20, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L, null,
                null, null, 4.0, 9.5, 0.0, 0.0, 0.0, testExamples, 0.17, flags, null, null), new Provenance("abc",
                false, "cpu", "17", "0.36.0", "2.7.1"), "2026-01-01T00:00:00Z");
    }

    private static CellResult perplexity(String row, long seed, double ppl) {
        return new CellResult(new CellResult.Identity("run", 1, "lm-" + row + "-s" + seed, "lm", row, row, "cpu",
                seed), CellStatus.OK, "", new CellResult.Config("h", "europarl-bytes", "cpu", 1, "fp"),
                new CellResult.Metrics(null, 10, null, null, 1.5, 20, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L, ppl,
                ppl, 3.0, 4.0, 9.5, 0.0, 0.0, 0.0, null, null, "", null, null), new Provenance("abc", false, "cpu",
                "17", "0.36.0", "2.7.1"), "2026-01-01T00:00:00Z");
    }

    private static Claim claim(List<CellResult> cells, int which) {
        return Claims.evaluate(new RunSummary(cells), PAPER, null, null).get(which);
    }

    private static List<CellResult> listOps(double[] fmm, double[] other, String otherRow, Integer n) {
        List<CellResult> cells = new ArrayList<>();
        for (int seed = 0; seed < fmm.length; seed++) {
            cells.add(accuracy("listops", "fmm2_band5", seed, fmm[seed], n));
            cells.add(accuracy("listops", otherRow, seed, other[seed], n));
        }
        return cells;
    }

    @Test
    void listOpsGapAcrossSeedsIsReproducedWithATInterval() {
        Claim c = claim(listOps(new double[] {0.36, 0.37, 0.35}, new double[] {0.18, 0.19, 0.18}, "linear", 2000),
                LISTOPS_VS_LINEAR);
        assertEquals(Verdict.REPRODUCED, c.verdict(), c.toString());
        assertEquals("36.74 vs 18.30", c.paper());
        // differences 18, 18, 17: mean 17.67, sd 0.577, t(2) 4.303 -> half-width 1.43
        assertTrue(c.measured().contains("difference +17.67 (95% CI +16.23 to +19.10, t-interval over 3 seeds)"),
                c.measured());
    }

    @Test
    void aNarrowIntervalOffZeroIsPrintedWithTheDecimalsItNeeds() {
        List<CellResult> cells = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            cells.add(perplexity("softmax", seed, 18.0 + seed));
            cells.add(perplexity("fmm2_band20", seed, 17.700 + seed));
            cells.add(perplexity("linear", seed, 17.703 + seed + (seed == 1 ? 0.001 : 0)));
        }
        Claim c = claim(cells, LM_ORDER);
        // linear - fmm2: 0.003, 0.004, 0.003 -> a t-interval of width 0.0029 around +0.0033, not "+0.00 to +0.00"
        assertTrue(c.measured().contains("difference +0.0033 (95% CI +0.0019 to +0.0048, t-interval over 3 seeds)"),
                c.measured());
        assertEquals(2, Claims.decimals(0.1));
        assertEquals(2, Claims.decimals(0));
        assertEquals(3, Claims.decimals(0.05));
    }

    @Test
    void listOpsGapReversedAcrossSeedsIsNotReproduced() {
        Claim c = claim(listOps(new double[] {0.17, 0.18, 0.17}, new double[] {0.36, 0.37, 0.35}, "linear", 2000),
                LISTOPS_VS_LINEAR);
        assertEquals(Verdict.NOT_REPRODUCED, c.verdict(), c.toString());
    }

    @Test
    void listOpsSeedsThatDisagreeAreInconclusiveAndChanceLevelCellsAreNamed() {
        Claim c = claim(listOps(new double[] {0.17, 0.25, 0.16}, new double[] {0.18, 0.17, 0.18}, "linear", 2000),
                LISTOPS_VS_LINEAR);
        assertEquals(Verdict.INCONCLUSIVE, c.verdict(), c.toString());
        assertTrue(c.reason().contains("chance level"), c.reason());
    }

    @Test
    void oneSeedCountsOnlyADifferenceBeyondTheBinomialIntervalOfTheTestAccuracies() {
        // n 2000: sqrt(.36*.64/2000 + .18*.82/2000) = 1.38 points, 95% half-width 2.7 points.
        assertEquals(Verdict.REPRODUCED, claim(listOps(new double[] {0.36}, new double[] {0.18}, "band_5", 2000),
                LISTOPS_VS_BAND).verdict());
        Claim close = claim(listOps(new double[] {0.20}, new double[] {0.18}, "band_5", 2000), LISTOPS_VS_BAND);
        assertEquals(Verdict.INCONCLUSIVE, close.verdict(), close.toString());
        assertTrue(close.measured().contains("one seed, binomial test-set interval"), close.measured());
        assertEquals("36.74 vs unknown", close.paper());
        Claim unknownN = claim(listOps(new double[] {0.36}, new double[] {0.18}, "band_5", null), LISTOPS_VS_BAND);
        assertEquals(Verdict.INCONCLUSIVE, unknownN.verdict(), "no test-set size, no interval: " + unknownN);
    }

    @Test
    void claimsWithoutTheirCellsAreNotEvaluatedWithTheReason() {
        List<CellResult> onlyLinear = listOps(new double[] {0.36}, new double[] {0.18}, "linear", 2000);
        Claim band = claim(onlyLinear, LISTOPS_VS_BAND);
        assertEquals(Verdict.NOT_EVALUATED, band.verdict());
        assertEquals("no ok ListOps cell of row band_5", band.reason());
        assertEquals(Verdict.NOT_EVALUATED, claim(onlyLinear, LM_ORDER).verdict());
        Claim average = claim(onlyLinear, LRA_AVERAGE);
        assertEquals(Verdict.NOT_EVALUATED, average.verdict());
        assertTrue(average.reason().contains("missing image/fmm2_band5"), average.reason());
    }

    @Test
    void languageModelOrderIsReproducedNotReproducedOrInconclusive() {
        List<CellResult> inOrder = new ArrayList<>();
        List<CellResult> reversed = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            inOrder.addAll(List.of(perplexity("softmax", seed, 30 + seed), perplexity("fmm2_band20", seed, 32 + seed),
                    perplexity("linear", seed, 35 + seed)));
            reversed.addAll(List.of(perplexity("softmax", seed, 30 + seed), perplexity("fmm2_band20", seed, 36 + seed),
                    perplexity("linear", seed, 35 + seed)));
        }
        assertEquals(Verdict.REPRODUCED, claim(inOrder, LM_ORDER).verdict(), claim(inOrder, LM_ORDER).toString());
        assertEquals(Verdict.NOT_REPRODUCED, claim(reversed, LM_ORDER).verdict());
        Claim oneSeed = claim(inOrder.subList(0, 3), LM_ORDER);
        assertEquals(Verdict.INCONCLUSIVE, oneSeed.verdict(), "one seed has no interval for a perplexity");
        assertEquals("34.29 < 36.11 < 38.40 (WikiText-103)", oneSeed.paper());
    }

    @Test
    void lraAverageNeedsAllFiveTasksAndComparesTheAverages() {
        List<CellResult> cells = new ArrayList<>();
        for (String task : Claims.LRA_TASKS) {
            for (int seed = 0; seed < 2; seed++) {
                cells.add(accuracy(task, "fmm2_band5", seed, 0.62 + 0.01 * seed, 2000));
                cells.add(accuracy(task, "softmax", seed, 0.58 + 0.005 * seed, 2000));
            }
        }
        Claim c = claim(cells, LRA_AVERAGE);
        assertEquals(Verdict.REPRODUCED, c.verdict(), c.toString());
        assertEquals("60.74 vs 58.70", c.paper());
        assertEquals(Verdict.NOT_EVALUATED, claim(cells.subList(0, cells.size() - 4), LRA_AVERAGE).verdict(),
                "Pathfinder missing");
    }

    @Test
    void linearityInNComesFromAScalingRunOrIsInconclusiveWithoutOne() {
        assertEquals(Verdict.INCONCLUSIVE, claim(List.of(), LINEAR_IN_N).verdict());
        VariantSpec fmm = VariantSpec.parse("fmm:k=5,kernels=elu+elu_flip");
        assertEquals(Verdict.REPRODUCED, scalingClaim(fmm, 1.0).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, scalingClaim(fmm, 2.0).verdict());
        assertEquals(Verdict.INCONCLUSIVE, scalingClaim(VariantSpec.parse("linear"), 1.0).verdict(),
                "no FMMformer measured");
    }

    private static Claim scalingClaim(VariantSpec variant, double exponent) {
        RunOrigin p = new RunOrigin("r", "", new Provenance("", null, "", "", "", ""), 0, "");
        List<ScalingRow> rows = new ArrayList<>();
        for (int n = 4096; n <= 65536; n *= 2) {
            double value = Math.pow(n, exponent) / 1e4;
            ScalingCell cell = new ScalingCell(variant, n, 1, new HeadLayout(2, 32), false, BenchMode.FWDBWD);
            rows.add(ScalingRow.ok(cell, new CellMeasurement(value, value, value, value, value, value, value + 300),
                    Double.NaN, 1, p));
        }
        return Claims.evaluate(new RunSummary(List.of()), PAPER, rows, Path.of("scaling.csv")).get(LINEAR_IN_N);
    }
}
