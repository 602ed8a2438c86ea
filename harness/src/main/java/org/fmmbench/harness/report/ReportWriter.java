package org.fmmbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ChanceLevel;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.results.ReportDocument;
import org.fmmbench.harness.results.RunDirectory;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.train.CurvePoint;
import org.fmmbench.harness.train.ReportSection;

/**
 * Writes {@code report.md}, {@code index.html} and the charts of a run from its {@code results.csv} and the
 * cells' {@code curve.csv} files alone, so a report can be redrawn at any time without training.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "index.html";
    /** Marks a chance-level value in the accuracy table. */
    static final String CHANCE_MARK = "(chance)";

    private ReportWriter() {
    }

    /**
     * @param resultsCsv {@code results.csv} of a run; curves are read from {@code cells/<cell_id>/curve.csv}
     *     beside it, and missing curves are skipped
     */
    public static void write(Path resultsCsv, Path reportDir) throws IOException {
        write(List.of(RunResults.read(resultsCsv)), null, reportDir);
    }

    /**
     * One report of several runs, e.g. the halves of a matrix split over cores with {@code reproduce --tasks}: the
     * LRA average and the language-modelling order need cells of both. Each run's curves are read from its own
     * directory; the scaling charts are looked up from the first run.
     *
     * @param scalingCsv the {@code scaling.csv} that answers the claim about N; {@code null}: the first run's own,
     *     or one beside it or under {@code reference/} beside it
     * @throws IllegalArgumentException when two runs hold the same (task, row, seed), which would count a seed twice
     */
    public static void write(List<RunResults> runs, Path scalingCsv, Path reportDir) throws IOException {
        List<CellResult> results = new ArrayList<>();
        Map<CellResult, Path> runDirOf = new IdentityHashMap<>();
        Map<String, Path> firstRunOf = new HashMap<>();
        List<String> runIds = new ArrayList<>();
        for (RunResults run : runs) {
            for (CellResult c : run.cells()) {
                String key = c.identity().task() + " " + c.identity().row() + " seed " + c.identity().seed();
                Path other = firstRunOf.putIfAbsent(key, run.dir());
                if (other != null && !other.equals(run.dir())) {
                    throw new IllegalArgumentException("Both " + other + " and " + run.dir() + " hold " + key
                            + ": a report of several runs takes each task, row and seed from one run only; pass "
                            + "runs with different tasks, rows or seeds.");
                }
                runDirOf.put(c, run.dir());
            }
            results.addAll(run.cells());
            if (!runIds.contains(run.runId())) {
                runIds.add(run.runId());
            }
        }
        Path firstRun = runs.get(0).dir();
        RunDirectory.open(reportDir);
        RunSummary s = new RunSummary(results);
        PaperResults paper = PaperResults.load();
        String runId = String.join(" + ", runIds);

        ReportDocument doc = new ReportDocument("fmmbench report: " + runId);
        doc.paragraph(intro(s, runIds));
        if (results.isEmpty()) {
            doc.paragraph("No cell has finished yet: results.csv is empty.");
        } else {
            claimsSection(doc, s, paper, scalingCsv != null ? scalingCsv : ScalingEvidence.find(firstRun));
            if (!s.classificationTasks().isEmpty()) {
                accuracySection(doc, s, paper, reportDir);
            }
            for (String task : s.tasksIn(ReportSection.PERPLEXITY)) {
                perplexitySection(doc, s, paper, task, reportDir);
            }
            for (String task : s.tasksIn(ReportSection.COPY)) {
                CopySection.write(doc, s, task, reportDir);
            }
            if (!s.tasksIn(ReportSection.SEPARATING).isEmpty()) {
                SeparatingSection.write(doc, s);
            }
            efficiencySection(doc, s, reportDir);
            curvesSection(doc, s, runDirOf, reportDir);
            scalingSection(doc, reportDir, firstRun);
            dataSection(doc, s, paper);
            statusSection(doc, s);
            environmentSection(doc, s, runIds.size());
        }
        AtomicFiles.writeString(reportDir.resolve(MARKDOWN), doc.toMarkdown());
        AtomicFiles.writeString(reportDir.resolve(HTML), doc.toHtml(reportDir));
    }

    private static String intro(RunSummary s, List<String> runIds) {
        Map<CellStatus, Long> counts = new LinkedHashMap<>();
        for (CellResult r : s.results()) {
            counts.merge(r.status(), 1L, Long::sum);
        }
        String profile = s.results().stream().map(cell -> cell.identity().profile()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("?");
        StringBuilder sb = new StringBuilder(runIds.size() == 1 ? "Run `" : "Runs `")
                .append(String.join("`, `", runIds)).append("`, profile `").append(profile)
                .append("`: ").append(s.results().size()).append(" cells finished (");
        sb.append(String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .toList()));
        return sb.append("). Accuracies are test accuracy (%) of the checkpoint with the best validation accuracy, "
                + "mean over seeds (± standard deviation when there are several); language-modelling cells (task `lm`) "
                + "report perplexity instead.").toString();
    }

    private static void perplexitySection(ReportDocument doc, RunSummary s, PaperResults paper, String task,
            Path dir) throws IOException {
        doc.heading(2, "Language modelling");
        boolean comparable = PaperScale.comparable(s, paper, task);
        List<String> lmRows = s.rowsOf(List.of(task));
        List<List<String>> rows = new ArrayList<>();
        for (String row : lmRows) {
            List<String> line = new ArrayList<>(List.of(row, s.cells(task, row).get(0).identity().variant(),
                    ppl(s.stat(task, row, cell -> cell.metrics().testPpl())), ppl(s.stat(task, row,
                    cell -> cell.metrics().valPpl())),
                    fmt(s.mean(task, row, cell -> cell.metrics().bitsPerToken()), "%.3f")));
            if (comparable) {
                line.add(paper.perplexityText(row));
            }
            rows.add(line);
        }
        doc.paragraph("Test perplexity of the parameters with the best validation perplexity (sliding-window "
                + "evaluation), best validation perplexity, and test bits per token (bits per byte on "
                + "europarl-bytes), mean over seeds.");
        List<String> header = new ArrayList<>(List.of("row", "variant", "test ppl", "val ppl", "bits/token"));
        if (comparable) {
            header.add(paper.perplexityLabel());
        }
        doc.table(header, rows);
        if (!comparable) {
            doc.paragraph("The " + paper.perplexityLabel() + ", not comparable with this run ("
                    + PaperScale.reason(s, paper, task) + "; blank: not reported): " + paper.perplexityNote().trim());
            doc.table(List.of("row", paper.perplexityLabel()), lmRows.stream()
                    .map(r -> List.of(r, paper.perplexityText(r))).toList());
        }
        Charts.perplexity(s, task, lmRows, comparable ? paper : null, dir.resolve("perplexity.png"));
        doc.image("perplexity.png", comparable ? "test perplexity by row, with the paper's WikiText-103 values"
                : "test perplexity by row (this run only)");
    }

    private static String ppl(RunSummary.Stat st) {
        return st.n() == 0 ? "" : st.n() > 1 ? String.format(Locale.ROOT, "%.2f ± %.2f", st.mean(), st.sd())
                : String.format(Locale.ROOT, "%.2f", st.mean());
    }

    private static void accuracySection(ReportDocument doc, RunSummary s, PaperResults paper, Path dir)
            throws IOException {
        doc.heading(2, "Accuracy");
        List<String> tasks = s.classificationTasks();
        List<String> header = new ArrayList<>(List.of("row"));
        header.addAll(tasks);
        header.add("avg");
        List<String> runRows = s.rowsOf(tasks);
        List<List<String>> rows = new ArrayList<>();
        boolean anyChance = false;
        for (String row : runRows) {
            List<String> line = new ArrayList<>(List.of(row));
            List<Double> means = new ArrayList<>();
            for (String task : tasks) {
                RunSummary.Stat st = s.stat(task, row, cell -> cell.metrics().testAccBest());
                boolean chance = s.cells(task, row).stream().anyMatch(c -> c.metrics().hasFlag(ChanceLevel.FLAG));
                anyChance |= chance;
                line.add((st.n() == 0 ? "" : st.n() > 1
                        ? String.format(Locale.ROOT, "%.2f ± %.2f", 100 * st.mean(), 100 * st.sd())
                        : String.format(Locale.ROOT, "%.2f", 100 * st.mean())) + (chance ? " " + CHANCE_MARK : ""));
                means.add(st.n() == 0 ? null : 100 * st.mean());
            }
            line.add(avg(means));
            rows.add(line);
        }
        doc.paragraph("This run:");
        doc.table(header, rows);
        if (anyChance) {
            doc.paragraph(CHANCE_MARK + " at chance level (flag `" + ChanceLevel.FLAG + "` in results.csv): a cell's "
                    + "test accuracy does not exceed the 95% binomial interval of its test set's majority-class rate, "
                    + "so it has not shown that it learnt the task (see \"Chance-level cells\" below).");
        }
        if (s.rows().contains("none")) {
            doc.paragraph("Row none is the attention-free control (each position keeps its own value, the rest of the "
                    + "model unchanged): a task where it matches the attention rows does not need attention.");
        }
        List<List<String>> ref = new ArrayList<>();
        for (String row : paper.accuracyRows()) {
            List<String> line = new ArrayList<>(List.of(row));
            List<Double> values = new ArrayList<>();
            for (String task : tasks) {
                line.add(paper.accuracyText(row, task));
                values.add(paper.accuracy(row, task));
            }
            line.add(avg(values));
            ref.add(line);
        }
        List<String> notComparable = tasks.stream().filter(t -> !PaperScale.comparable(s, paper, t))
                .map(t -> t + ": " + PaperScale.reason(s, paper, t)).toList();
        doc.paragraph("The " + paper.label() + (notComparable.isEmpty() ? ", same tasks, data and scale"
                : ", not comparable with this run (" + String.join("; ", notComparable) + ")")
                + " (blank: not reported; unknown: reported, value not known here). " + paper.note());
        doc.table(header, ref);
        chanceTable(doc, s);
        Charts.accuracy(s, tasks, runRows, notComparable.isEmpty() ? paper : null, dir.resolve("accuracy.png"));
        doc.image("accuracy.png", notComparable.isEmpty() ? "test accuracy by task and row, with the paper's values"
                : "test accuracy by task and row (this run only)");
    }

    /** The cells flagged chance-level, with the numbers behind the flag. */
    private static void chanceTable(ReportDocument doc, RunSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (CellResult r : s.results()) {
            if (r.metrics().hasFlag(ChanceLevel.FLAG) && r.metrics().majorityRate() != null
                    && r.metrics().testExamples() != null) {
                rows.add(List.of(r.identity().cellId() == null ? "" : r.identity().cellId(), r.identity().task(),
                        r.identity().row(), Long.toString(r.identity().seed()),
                        fmt(100 * r.metrics().testAccBest(), "%.2f"), fmt(100 * r.metrics().majorityRate(), "%.2f"),
                        fmt(100 * ChanceLevel.upperBound(r.metrics().majorityRate(), r.metrics().testExamples()),
                        "%.2f"),
                        Integer.toString(r.metrics().testExamples())));
            }
        }
        if (!rows.isEmpty()) {
            doc.heading(3, "Chance-level cells");
            doc.table(List.of("cell", "task", "row", "seed", "test acc %", "majority class %",
                    "95% upper bound %", "test examples"), rows);
        }
    }

    /**
     * The paper's claims this run can speak to, with verdicts; {@code scaling} (a scaling run's {@code scaling.csv},
     * or null) answers the claim about N.
     */
    private static void claimsSection(ReportDocument doc, RunSummary s, PaperResults paper, Path scaling)
            throws IOException {
        doc.heading(2, "Claims");
        List<Claims.Claim> claims = Claims.evaluate(s, paper, scaling == null ? null : ScalingCsv.read(scaling),
                scaling == null ? null : shown(scaling));
        doc.paragraph("The paper's claims this run can speak to. Differences come with a 95% interval: a t-interval "
                + "over seeds when two or more seeds ran both rows, else the binomial sampling error of the test "
                + "accuracies. Reproduced: the interval lies on the claimed side of zero; not reproduced: on the "
                + "other side; inconclusive: it contains zero (details: docs/claims.md).");
        List<List<String>> rows = claims.stream().filter(c -> c.verdict() != Claims.Verdict.NOT_EVALUATED)
                .map(c -> List.of(c.claim(), c.paper(), c.measured(), c.verdict().label, c.reason())).toList();
        if (!rows.isEmpty()) {
            doc.table(List.of("claim", "paper", "this run", "verdict", "why"), rows);
        }
        List<String> skipped = claims.stream().filter(c -> c.verdict() == Claims.Verdict.NOT_EVALUATED)
                .map(c -> c.claim() + ": " + c.verdict().label + " (" + c.reason() + ")").toList();
        doc.bullets(skipped);
    }

    /** A path as a committed report may show it: relative to the working directory when inside it. */
    private static Path shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    private static void efficiencySection(ReportDocument doc, RunSummary s, Path dir) throws IOException {
        doc.heading(2, "Time and memory");
        doc.paragraph("Median and 90th-percentile training step time, training throughput, and the peak "
                + "resident memory of the cell's JVM (VmHWM: heap, libtorch and JVM overhead together).");
        List<List<String>> rows = new ArrayList<>();
        for (String task : s.tasks()) {
            for (String row : s.rows()) {
                if (s.cells(task, row).isEmpty()) {
                    continue;
                }
                rows.add(List.of(task, row, fmt(s.mean(task, row, cell -> cell.metrics().stepMsMedian()), "%.1f"),
                        fmt(s.mean(task, row, cell -> cell.metrics().stepMsP90()), "%.1f"),
                        fmt(s.mean(task, row, cell -> cell.metrics().tokensPerS()), "%.0f"),
                        fmt(s.mean(task, row, cell -> cell.metrics().peakRssMib()), "%.0f"),
                        fmt(s.mean(task, row, cell -> cell.metrics().trainWallS()), "%.1f"),
                        fmt(s.mean(task, row, r -> r.metrics().params()), "%.0f")));
            }
        }
        doc.table(List.of("task", "row", "step ms (median)", "step ms (p90)", "tokens/s", "peak RSS MiB",
                "train s", "params"), rows);
        Charts.metric(s, "Median training step time", "ms", cell -> cell.metrics().stepMsMedian(),
                dir.resolve("step-time.png"));
        doc.image("step-time.png", "median step time by task and row");
        Charts.metric(s, "Peak resident memory of the cell", "MiB", cell -> cell.metrics().peakRssMib(),
                dir.resolve("memory.png"));
        doc.image("memory.png", "peak memory by task and row");
    }

    private static void curvesSection(ReportDocument doc, RunSummary s, Map<CellResult, Path> runDirOf, Path dir)
            throws IOException {
        doc.heading(2, "Training curves");
        Map<CellResult, List<CurvePoint>> curveOf = new IdentityHashMap<>();
        for (CellResult c : s.results()) {
            if (c.identity().cellId() == null) {
                continue;
            }
            Path file = runDirOf.get(c).resolve("cells").resolve(c.identity().cellId()).resolve(CurveCsv.FILE_NAME);
            if (Files.isRegularFile(file)) {
                curveOf.put(c, CurveCsv.read(file));
            }
        }
        plateauParagraph(doc, s, curveOf);
        boolean severalSeeds = s.results().stream().map(cell -> cell.identity().seed()).distinct().count() > 1;
        for (String task : s.tasks()) {
            List<Charts.CellCurve> curves = new ArrayList<>();
            for (String row : s.rows()) {
                for (CellResult c : s.cells(task, row)) {
                    if (curveOf.containsKey(c)) {
                        curves.add(new Charts.CellCurve(severalSeeds ? row + " s" + c.identity().seed() : row,
                                curveOf.get(c)));
                    }
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            String loss = "curve-" + task + "-loss.png";
            String val = "curve-" + task + "-val.png";
            Charts.curves(task, "training loss", "loss", curves, CurvePoint::trainLoss, dir.resolve(loss));
            doc.heading(3, task);
            doc.image(loss, task + " training loss");
            if (s.tasksIn(ReportSection.PERPLEXITY).contains(task)) {
                Charts.curves(task, "validation perplexity", "perplexity", curves,
                        p -> Double.isNaN(p.valPerplexity()) ? null : p.valPerplexity(), dir.resolve(val));
                doc.image(val, task + " validation perplexity");
            } else {
                Charts.curves(task, "validation accuracy", "accuracy (%)", curves,
                        p -> Double.isNaN(p.valAccuracy()) ? null : 100 * p.valAccuracy(), dir.resolve(val));
                doc.image(val, task + " validation accuracy");
            }
        }
    }

    /** How many ok cells trained until validation plateaued, and which did not (they would gain from more steps). */
    private static void plateauParagraph(ReportDocument doc, RunSummary s, Map<CellResult, List<CurvePoint>> curveOf) {
        int judged = 0;
        List<List<String>> rising = new ArrayList<>();
        for (CellResult c : s.results()) {
            if (c.status() != CellStatus.OK || !curveOf.containsKey(c)) {
                continue;
            }
            Optional<ValidationPlateau> plateau = ValidationPlateau.of(curveOf.get(c));
            if (plateau.isEmpty()) {
                continue;
            }
            judged++;
            ValidationPlateau v = plateau.get();
            if (!v.plateaued()) {
                String unit = v.perplexity() ? "%.2f" : "%.1f";
                rising.add(List.of(c.identity().cellId(), c.identity().task(), c.identity().row(),
                        Long.toString(c.identity().seed()), String.format(Locale.ROOT, unit, v.before()),
                        String.format(Locale.ROOT, unit, v.best())));
            }
        }
        if (judged == 0) {
            return;
        }
        doc.paragraph(String.format(Locale.ROOT, "Validation plateaued in %d of %d ok cells with curves: their last "
                + "%.0f %% of steps raised the best validation accuracy by less than %.0f point (lowered the best "
                + "validation perplexity by less than %.0f %%).%s", judged - rising.size(), judged,
                100 * ValidationPlateau.TAIL, ValidationPlateau.POINTS, 100 * ValidationPlateau.PERPLEXITY_SHARE,
                rising.isEmpty() ? "" : " These cells were still improving, so more steps may change their result "
                        + "(judged on the curve's validation estimates, as noisy as the profile's evaluation batches are "
                        + "few):"));
        if (!rising.isEmpty()) {
            doc.table(List.of("cell", "task", "row", "seed", "best val before the last 20 %", "best val"), rising);
        }
    }

    /**
     * Where the scaling charts of the JMH benchmarks ({@code fmmbench scaling}) are, when a scaling run left any:
     * those copied to {@code reports/scaling}, else those of the newest run directory holding a {@code scaling.csv}.
     * They are linked, never copied: a report shows only what its own run measured.
     */
    private static void scalingSection(ReportDocument doc, Path reportDir, Path runDir) throws IOException {
        List<Path> charts = pngs(reportDir.toAbsolutePath().getParent().resolve("scaling"), "");
        if (charts.isEmpty()) {
            Path resultsRoot = runDir.getParent();
            charts = newestScalingRun(resultsRoot);
        }
        if (charts.isEmpty()) {
            return;
        }
        doc.heading(2, "Scaling with sequence length");
        doc.paragraph("Not measured by this run: the latest scaling benchmark left these charts (paths relative to "
                + "this report).");
        Path from = reportDir.toAbsolutePath();
        doc.bullets(charts.stream().map(png -> "`" + from.relativize(png.toAbsolutePath()) + "`").toList());
    }

    private static List<Path> newestScalingRun(Path resultsRoot) throws IOException {
        if (resultsRoot == null || !Files.isDirectory(resultsRoot)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(resultsRoot)) {
            for (Path run : runs.filter(r -> Files.isRegularFile(r.resolve("scaling.csv")))
                    .sorted(Comparator.comparing(ScalingEvidence::modified).reversed()).toList()) {
                List<Path> found = pngs(run, "");
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    private static List<Path> pngs(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    private static void dataSection(ReportDocument doc, RunSummary s, PaperResults paper) {
        doc.heading(2, "Data");
        List<List<String>> rows = new ArrayList<>();
        for (String task : s.tasks()) {
            String used = s.results().stream().filter(r -> r.identity().task().equals(task))
                    .map(cell -> cell.config().dataSource())
                    .filter(Objects::nonNull).distinct().map(src -> paper.describeSource(task, src)).reduce((a, b) -> a + ", " + b).orElse("(no cell loaded data)");
            rows.add(List.of(task, used, paper.paperData(task)));
        }
        doc.paragraph("A stand-in is offline data of the same shape (or the paper's generator run locally); "
                + "accuracies on a stand-in are not comparable with the paper's.");
        doc.table(List.of("task", "data used", "paper's data"), rows);
    }

    private static void statusSection(ReportDocument doc, RunSummary s) {
        doc.heading(2, "Cell statuses");
        List<List<String>> rows = new ArrayList<>();
        for (CellResult r : s.results()) {
            if (r.status() != CellStatus.OK) {
                rows.add(List.of(r.identity().cellId() == null ? "" : r.identity().cellId(), r.identity().task(),
                        r.identity().row(), Long.toString(r.identity().seed()),
                        r.status().label(), r.statusDetail() == null ? "" : r.statusDetail()));
            }
        }
        if (rows.isEmpty()) {
            doc.paragraph("Every cell ended `ok`.");
        } else {
            doc.paragraph("Cells that did not end `ok` (their cell directory holds `stderr.log`):");
            doc.table(List.of("cell", "task", "row", "seed", "status", "detail"), rows);
        }
        List<List<String>> flagged = new ArrayList<>();
        for (CellResult r : s.results()) {
            if (r.metrics().flags() != null && !r.metrics().flags().isBlank()) {
                flagged.add(List.of(r.identity().cellId() == null ? "" : r.identity().cellId(), r.identity().task(),
                        r.identity().row(), Long.toString(r.identity().seed()),
                        r.metrics().flags()));
            }
        }
        if (!flagged.isEmpty()) {
            doc.paragraph("Cells with pathology flags (`chance-level`: accuracy within the majority-class rate's "
                    + "interval; `rss-drift`: resident memory still rose late in training (docs/results.md gives the rule and "
                    + "the earlier one of runs before 2026-12-06); "
                    + "`step-time-drift`: step time rose over training; see docs/compare-and-ci.md):");
            doc.table(List.of("cell", "task", "row", "seed", "flags"), flagged);
        }
    }

    private static void environmentSection(ReportDocument doc, RunSummary s, int runs) {
        doc.heading(2, "Environment");
        List<String> items = new ArrayList<>();
        items.add("started: " + distinct(s, CellResult::startedAt, true));
        items.add("git commit: " + distinct(s, r -> r.provenance().gitCommit()
                + (Boolean.TRUE.equals(r.provenance().gitDirty()) ? " (uncommitted changes)" : ""), false));
        items.add("peak memory measured as: " + distinct(s, r -> r.metrics().memoryMeasure() == null ? "unrecorded"
                : r.metrics().memoryMeasure(), false));
        items.add("device: " + distinct(s, cell -> cell.config().device(), false) + ", threads per cell: "
                + distinct(s, r -> Integer.toString(r.config().threads()), false));
        items.add("CPU: " + distinct(s, cell -> cell.provenance().cpuModel(), false));
        items.add("JVM: " + distinct(s, cell -> cell.provenance().jvmVersion(), false));
        items.add("DJL: " + distinct(s, cell -> cell.provenance().djlVersion(), false) + ", engine: "
                + distinct(s, cell -> cell.provenance().pytorchVersion(), false));
        items.add("config hashes and full configurations: `plan.yaml` and `results.csv` of the run director"
                + (runs == 1 ? "y" : "ies"));
        doc.bullets(items);
    }

    /** The distinct values of a field; a time range when {@code range} is set. */
    private static String distinct(RunSummary s, Function<CellResult, String> f, boolean range) {
        List<String> values = s.results().stream().map(f).filter(Objects::nonNull).distinct().sorted().toList();
        if (values.isEmpty()) {
            return "unknown";
        }
        if (range && values.size() > 1) {
            return values.get(0) + " .. " + values.get(values.size() - 1);
        }
        return String.join("; ", values);
    }

    private static String avg(List<Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static String fmt(Double v, String pattern) {
        return v == null ? "" : String.format(Locale.ROOT, pattern, v);
    }
}
