package org.fmmbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ChanceLevel;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.train.CurvePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path root;

    private static CellResult cell(String id, String task, String row, long seed, CellStatus status, Double acc,
            String source) {
        return new CellResult(new CellResult.Identity("run-x", CellResult.SCHEMA_VERSION, id, task, row, row, "smoke",
                seed), status, status == CellStatus.OK ? "" : "IllegalStateException: exploded",
                new CellResult.Config("h-" + id, source, "cpu", 2, "fp0"), new CellResult.Metrics(acc, 10, acc, acc,
                1.5, 20, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L, null, null, null, 4.0, 9.5, 0.0, 0.0, 0.0, null,
                null, "", null, null), new Provenance("abc", false, "AMD EPYC", "OpenJDK 17", "0.36.0",
                "PyTorch 2.7.1"), "2026-11-27T19:00:0" + seed + "Z");
    }

    /** A run directory as reproduce leaves it: results.csv plus curve files, no plan and no training. */
    private Path runDir() throws IOException {
        Path run = root.resolve("results").resolve("run-x");
        List<CellResult> cells = List.of(
                cell("000-listops-softmax-s0", "listops", "softmax", 0, CellStatus.OK, 0.30, "listops-generated"),
                cell("001-listops-softmax-s1", "listops", "softmax", 1, CellStatus.OK, 0.40, "listops-generated"),
                cell("002-listops-fmm2_band5-s0", "listops", "fmm2_band5", 0, CellStatus.FAILED, null, null),
                cell("003-image-softmax-s0", "image", "softmax", 0, CellStatus.OK, 0.25, "fashion-mnist")
                        .withFlags("rss-drift;step-time-drift"),
                cell("004-image-fmm2_band5-s0", "image", "fmm2_band5", 0, CellStatus.OK, 0.5, "cifar10"));
        ResultsCsv.write(run.resolve("results.csv"), cells);
        for (CellResult c : cells) {
            if (c.status() == CellStatus.OK) {
                List<CurvePoint> curve = new ArrayList<>();
                for (int s = 1; s <= 10; s++) {
                    curve.add(new CurvePoint(s, 2.0 / s, s % 5 == 0 ? 0.05 * s : Double.NaN, 1e-3, 100L * s));
                }
                CurveCsv.write(run.resolve("cells").resolve(c.identity().cellId()).resolve(CurveCsv.FILE_NAME), curve);
            }
        }
        return run;
    }

    /** Writes the report of {@code run} to reports/{@code name} under the test's root; returns that folder. */
    private Path writeReport(Path run, String name) throws IOException {
        Path report = root.resolve("reports").resolve(name);
        ReportWriter.write(run.resolve("results.csv"), report);
        return report;
    }

    @Test
    void separatingTasksHaveTheirOwnTableAndStayOutOfTheLraAverage() throws IOException {
        Path run = root.resolve("results").resolve("run-sep");
        ResultsCsv.write(run.resolve("results.csv"), List.of(
                cell("000-listops-band_5-s0", "listops", "band_5", 0, CellStatus.OK, 0.30, "listops-generated"),
                cell("001-far-recall-band_5-s0", "far-recall", "band_5", 0, CellStatus.OK, 0.25, "far-recall-generated"),
                cell("002-near-recall-band_5-s0", "near-recall", "band_5", 0, CellStatus.OK, 1.0,
                        "near-recall-generated")));
        Path report = root.resolve("reports").resolve("run-sep");
        ReportWriter.write(run.resolve("results.csv"), report);
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("## Separating tasks: far and near field"), md);
        assertTrue(md.contains("| band_5 | 25.0 | 100.0 |"), md);
        assertTrue(md.contains("| band_5 | 30.00 | 30.00 |"), "the LRA table has listops and its average only: " + md);
    }

    @Test
    void reportIsRegeneratedFromTheCsvAndCurvesAlone() throws IOException {
        Path run = runDir();
        Path report = writeReport(run, "run-x");
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        // measured accuracy with mean +- sd over seeds; the paper's values in a separate table, labelled as not
        // comparable (smoke scale, and a stand-in on image); rows the paper has without known values say so
        assertTrue(md.contains("| softmax | 35.00 ± 7.07 | 25.00 | 30.00 |"), md);
        assertTrue(md.contains("| softmax | 37.10 | 39.06 | 38.08 |"), md);
        assertTrue(md.contains("| band_5 | unknown | unknown |  |"), md);
        assertTrue(md.contains("not comparable with this run (listops: stand-in data, reduced scale; image: stand-in data, "
                + "reduced scale)"), md);
        assertTrue(md.contains("## Claims"), md);
        assertTrue(md.contains("ListOps: FMMformer (2 kernels + band 5) is more accurate than linear: not evaluated "
                + "by this run (no ok ListOps cell of row fmm2_band5)"), md);
        assertTrue(md.contains("fashion-mnist (stand-in for CIFAR-10 grayscale)"), md);
        assertTrue(md.contains("| image | cifar10, fashion-mnist (stand-in for CIFAR-10 grayscale) |")
                || md.contains("| image | fashion-mnist (stand-in for CIFAR-10 grayscale), cifar10 |"), md);
        assertTrue(md.contains("| 002-listops-fmm2_band5-s0 | listops | fmm2_band5 | 0 | failed | "
                + "IllegalStateException: exploded |"), md);
        assertTrue(md.contains("| 003-image-softmax-s0 | image | softmax | 0 | rss-drift;step-time-drift |"), md);
        // validation 25 % at step 5, 50 % at step 10: every cell gained 25 points in its last 20 % of steps
        assertTrue(md.contains("Validation plateaued in 0 of 4 ok cells with curves"), md);
        assertTrue(md.contains("| 000-listops-softmax-s0 | listops | softmax | 0 | 25.0 | 50.0 |"), md);
        for (String png : List.of("accuracy.png", "step-time.png", "memory.png", "curve-listops-loss.png",
                "curve-listops-val.png", "curve-image-loss.png", "curve-image-val.png")) {
            assertTrue(md.contains("](" + png + ")"), png);
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertEquals((byte) 0x89, bytes[0], png + " is a PNG");
            assertEquals('P', bytes[1]);
        }

        String html = Files.readString(report.resolve(ReportWriter.HTML));
        assertFalse(html.contains("src=\"accuracy.png\""), "images are embedded, not linked");
        assertEquals(7, html.split("src=\"data:image/png;base64,", -1).length - 1);
        assertTrue(html.contains("<td>35.00 ± 7.07</td>"), "accuracy table in HTML");
    }

    /** A run directory holding {@code cells} (of {@code runId}) with a curve for each. */
    private Path runOf(String runId, List<CellResult> cells) throws IOException {
        Path run = root.resolve("results").resolve(runId);
        ResultsCsv.write(run.resolve("results.csv"), cells.stream().map(c -> c.with("run_id", runId)).toList());
        for (CellResult c : cells) {
            CurveCsv.write(run.resolve("cells").resolve(c.identity().cellId()).resolve(CurveCsv.FILE_NAME),
                    List.of(new CurvePoint(1, 2.0, 0.1, 1e-3, 100L), new CurvePoint(2, 1.0, 0.2, 1e-3, 200L)));
        }
        return run;
    }

    @Test
    void twoRunsSplitByTaskMakeOneReportWhoseLraAverageNeedsBoth() throws IOException {
        List<CellResult> first = new ArrayList<>();
        List<CellResult> second = new ArrayList<>();
        int id = 0;
        for (String task : Claims.LRA_TASKS) {
            for (String row : List.of("softmax", Claims.FMM_LRA)) {
                CellResult c = cell(String.format("%03d-%s-%s-s0", id++, task, row), task, row, 0, CellStatus.OK,
                        row.equals("softmax") ? 0.40 : 0.50, null);
                (task.equals("image") || task.equals("pathfinder") ? first : second).add(c);
            }
        }
        Path a = runOf("half-a", first);
        Path b = runOf("half-b", second);
        Path report = root.resolve("reports").resolve("both");
        ReportWriter.write(List.of(RunResults.read(a.resolve("results.csv")),
                RunResults.read(b.resolve("results.csv"))), null, report);
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("Runs `half-a`, `half-b`"), md);
        assertTrue(md.contains("| LRA average over the five tasks: FMMformer (2 kernels + band 5) >= softmax |"), md);
        assertFalse(md.contains("LRA average over the five tasks: FMMformer (2 kernels + band 5) >= softmax: not "
                + "evaluated"), md);
        // each run's curves are read beside its own results.csv
        for (String task : Claims.LRA_TASKS) {
            assertTrue(Files.isRegularFile(report.resolve("curve-" + task + "-loss.png")), task);
        }

        Path alone = root.resolve("reports").resolve("half-b");
        ReportWriter.write(b.resolve("results.csv"), alone);
        assertTrue(Files.readString(alone.resolve(ReportWriter.MARKDOWN)).contains("LRA average over the five tasks: "
                + "FMMformer (2 kernels + band 5) >= softmax: not evaluated"));
    }

    @Test
    void twoRunsHoldingTheSameSeedOfARowAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path a = runOf("copy-a", List.of(cell("000-listops-softmax-s0", "listops", "softmax", 0, CellStatus.OK,
                0.40, null)));
        Path b = runOf("copy-b", List.of(cell("000-listops-softmax-s0", "listops", "softmax", 0, CellStatus.OK,
                0.30, null)));
        Path report = root.resolve("reports").resolve("copies");
        List<RunResults> copies = List.of(RunResults.read(a.resolve("results.csv")),
                RunResults.read(b.resolve("results.csv")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(copies, null, report));
        assertTrue(e.getMessage().contains("listops softmax seed 0"), e.getMessage());
        assertFalse(Files.exists(report));
    }

    @Test
    void newestScalingChartsAreLinkedNotCopied() throws IOException {
        Path run = runDir();
        Path scaling = root.resolve("results").resolve("scaling-1");
        Files.createDirectories(scaling);
        Files.writeString(scaling.resolve("scaling.csv"), "variant,n,median_ms\n");
        Files.copy(ReportWriterTest.class.getResourceAsStream("/org/fmmbench/harness/report/tiny.png"),
                scaling.resolve("time-vs-n-fwd.png"));
        Path report = writeReport(run, "run-x");
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("## Scaling with sequence length"), md);
        String link = report.toAbsolutePath().relativize(scaling.resolve("time-vs-n-fwd.png").toAbsolutePath())
                .toString();
        assertTrue(md.contains("`" + link + "`"), md);
        try (Stream<Path> files = Files.list(report)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("time-vs-n")),
                    "another run's chart is not copied into the report");
        }
    }

    private static CellResult lmCell(String id, String row, Double valPpl, Double testPpl) {
        return new CellResult(new CellResult.Identity("run-lm", CellResult.SCHEMA_VERSION, id, "lm", row, row, "smoke",
                0), CellStatus.OK, "", new CellResult.Config("h-" + id, "europarl-bytes", "cpu", 1, "fp0"),
                new CellResult.Metrics(null, 30, null, null, 1.5, 30, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L,
                valPpl, testPpl, Math.log(testPpl) / Math.log(2), 4.0, null, 0.0, 0.0, 0.0, null, null, "", null, null),
                new Provenance("abc", false, "AMD EPYC", "OpenJDK 17", "0.36.0", "PyTorch 2.7.1"),
                "2026-11-27T19:00:00Z");
    }

    @Test
    void languageModellingOnAnotherCorpusShowsPerplexityWithThePapersValuesInASeparateLabelledTable()
            throws IOException {
        Path run = root.resolve("results").resolve("run-lm");
        List<CellResult> cells = List.of(lmCell("000-lm-softmax-s0", "softmax", 9.5, 10.0),
                lmCell("001-lm-fmm2_band20-s0", "fmm2_band20", 11.5, 12.0));
        ResultsCsv.write(run.resolve("results.csv"), cells);
        for (CellResult c : cells) {
            CurveCsv.write(run.resolve("cells").resolve(c.identity().cellId()).resolve(CurveCsv.FILE_NAME),
                    List.of(new CurvePoint(1, 5.0, Double.NaN, 1e-3, 100),
                            new CurvePoint(2, 4.0, Double.NaN, 1e-3, 200, 60.0)));
        }
        Path report = writeReport(run, "run-lm");
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| softmax | softmax | 10.00 | 9.50 | 3.322 |\n"), md);
        assertTrue(md.contains("| fmm2_band20 | fmm2_band20 | 12.00 | 11.50 | 3.585 |\n"), md);
        assertTrue(md.contains("not comparable with this run (stand-in data, reduced scale"), md);
        assertTrue(md.contains("| softmax | 34.29 |\n| fmm2_band20 | 36.11 |"), md);
        assertTrue(md.contains("test perplexity by row (this run only)"), md);
        assertFalse(md.contains("## Accuracy"), md);
        assertTrue(md.contains("](perplexity.png)") && md.contains("](curve-lm-loss.png)"), md);
        assertTrue(md.contains("](curve-lm-val.png)") && md.contains("lm validation perplexity"), md);
        assertTrue(Files.size(report.resolve("perplexity.png")) > 0);
    }

    @Test
    void paperScaleLanguageModellingOnWikiTextPutsThePapersValuesBesideTheRunsAndUnknownRowsSaySo()
            throws IOException {
        int paperSteps = ProfileLoader.load("paper").task("lm").train().steps();
        Path run = root.resolve("results").resolve("run-wt");
        List<CellResult> cells = List.of(paperLm("000-lm-softmax-s0", "softmax", 33.0, paperSteps),
                paperLm("001-lm-band_20-s0", "band_20", 40.0, paperSteps));
        ResultsCsv.write(run.resolve("results.csv"), cells);
        Path report = writeReport(run, "run-wt");
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| softmax | softmax | 33.00 | 33.00 | 5.044 | 34.29 |"), md);
        assertTrue(md.contains("| band_20 | band_20 | 40.00 | 40.00 | 5.322 | unknown |"), md);
        assertTrue(md.contains("test perplexity by row, with the paper's WikiText-103 values"), md);
    }

    private static CellResult paperLm(String id, String row, double ppl, int steps) {
        return new CellResult(new CellResult.Identity("run-wt", CellResult.SCHEMA_VERSION, id, "lm", row, row, "paper",
                0), CellStatus.OK, "", new CellResult.Config("h-" + id, "wikitext-103-files", "cpu", 1, "fp0"),
                new CellResult.Metrics(null, 30, null, null, 1.5, steps, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L,
                ppl, ppl, Math.log(ppl) / Math.log(2), 4.0, null, 0.0, 0.0, 0.0, null, null, "", null, null),
                new Provenance("abc", false, "AMD EPYC", "OpenJDK 17", "0.36.0", "PyTorch 2.7.1"),
                "2026-11-27T19:00:00Z");
    }

    @Test
    void rowsOfOneWorkloadDoNotAppearAsEmptyRowsInAnothersTableAndChanceLevelCellsAreMarked() throws IOException {
        Path run = root.resolve("results").resolve("run-mixed");
        CellResult chance = new CellResult(new CellResult.Identity("run-mixed", CellResult.SCHEMA_VERSION,
                "000-listops-linear-s0", "listops", "linear", "linear", "smoke", 0), CellStatus.OK, "",
                new CellResult.Config("h0", "listops-generated", "cpu", 1, "fp0"), new CellResult.Metrics(0.2, 10, 0.17,
                0.17, 2.2, 30, 3.0, 25.0, 30.0, 5000.0, 0.5, 400.0, 1000L, null, null, null, 4.0, null, 0.0, 0.0, 0.0,
                64, 0.17, ChanceLevel.FLAG, null, null), new Provenance("abc", false, "AMD EPYC", "OpenJDK 17",
                "0.36.0", "PyTorch 2.7.1"), "2026-11-27T19:00:00Z");
        ResultsCsv.write(run.resolve("results.csv"), List.of(chance, lmCell("001-lm-band_20-s0", "band_20", 9.5, 10.0)));
        Path report = writeReport(run, "run-mixed");
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        String accuracy = md.substring(md.indexOf("## Accuracy"), md.indexOf("## Language modelling"));
        assertTrue(accuracy.contains("| linear | 17.00 (chance) | 17.00 |"), accuracy);
        assertFalse(accuracy.contains("| band_20 |"), "an LM row in the accuracy table: " + accuracy);
        // Binomial(64, 0.17): 97.5% quantile 17 of 64 = 26.56%
        assertTrue(accuracy.contains("| 000-listops-linear-s0 | listops | linear | 0 | 17.00 | 17.00 | 26.56 | 64 |"),
                accuracy);
        String lm = md.substring(md.indexOf("## Language modelling"), md.indexOf("## Time and memory"));
        assertFalse(lm.contains("| linear |"), "a classification row in the LM table: " + lm);
    }
}
