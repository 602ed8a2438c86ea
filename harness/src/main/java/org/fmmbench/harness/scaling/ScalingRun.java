package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.baselines.attention.AttentionShape;
import org.fmmbench.baselines.attention.VariantRegistry;

/**
 * Runs a {@link ScalingPlan}: each cell through JMH (or as a skipped row when its memory estimate exceeds the
 * budget), rewriting {@code scaling.csv} after every cell; then the charts and the targets table.
 *
 * <p>Before the cells, the machine's ceilings are calibrated ({@link MachineCeiling}); each row carries its
 * variant's declared cost under them ({@link Roofline}).
 *
 * <p>Re-running with the same run id resumes: cells already measured ({@code ok}) are kept, the others are run
 * again. Mixing rows measured with other thread counts or JMH settings is refused.
 */
public final class ScalingRun {
    public static final String TARGETS_FILE = "targets.md";

    private final ScalingPlan plan;
    private final PrintStream out;
    private final VariantRegistry registry = VariantRegistry.load();

    public ScalingRun(ScalingPlan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
    }

    /** The rows of the run's CSV after all cells; failed cells are rows with status {@code failed}. */
    public List<ScalingRow> execute() throws IOException {
        Files.createDirectories(plan.runDir());
        Map<String, ScalingRow> rows = loadExisting();
        RunOrigin provenance = RunOrigin.capture(plan.runId(), plan.jmh());
        JmhCellRunner runner = new JmhCellRunner(plan.jmh(), plan.threads(), plan.verbose());
        List<ScalingCell> cells = plan.cells();
        long start = System.nanoTime();
        out.printf(Locale.ROOT, "scaling run %s: %d cells, %d thread(s), %s, memory budget %s -> %s%n", plan.runId(),
                cells.size(), plan.threads(), plan.jmh().describe(), plan.budget(), plan.csvFile());
        MachineCeiling ceiling = calibrate(runner);
        for (int i = 0; i < cells.size(); i++) {
            ScalingCell cell = cells.get(i);
            String prefix = String.format(Locale.ROOT, "[%d/%d %s] %s", i + 1, cells.size(), elapsed(start), cell);
            ScalingRow previous = rows.get(cell.key());
            if (previous != null && previous.ok()) {
                out.println(prefix + ": already measured, kept");
                continue;
            }
            out.print(prefix + ": ");
            out.flush();
            ScalingRow row = measure(cell, runner, provenance).withRoofline(roofline(cell, ceiling));
            out.println(summary(row));
            rows.put(cell.key(), row);
            ScalingCsv.write(plan.csvFile(), new ArrayList<>(rows.values()));
        }
        List<ScalingRow> all = new ArrayList<>(rows.values());
        if (!plan.modelTasks().isEmpty()) {
            new ModelStepRun(plan.modelTasks(), plan.variants(), plan.modelBatch(), plan, out).execute(runner, provenance);
        }
        report(all, ceiling);
        out.printf(Locale.ROOT, "done in %s: %s%n", elapsed(start), plan.csvFile());
        return all;
    }

    /**
     * The run's ceilings, measured before the cells. A calibration that fails leaves the roofline columns empty
     * rather than stopping the run: the cells' own measurements do not depend on it.
     */
    private MachineCeiling calibrate(JmhCellRunner runner) {
        out.print("calibrating the machine ceilings: ");
        out.flush();
        try {
            MachineCeiling c = MachineCeiling.calibrate(runner, plan.time());
            out.println(c.describe());
            return c;
        } catch (Exception e) {
            out.println("FAILED (" + rootMessage(e) + "); roofline columns stay empty");
            return MachineCeiling.UNKNOWN;
        }
    }

    private Roofline roofline(ScalingCell cell, MachineCeiling ceiling) {
        AttentionShape shape = new AttentionShape(cell.batch(), cell.layout().heads(), cell.n(),
                cell.layout().headDim(), cell.causal(), cell.mode() == BenchMode.FWDBWD);
        return new Roofline(registry.cost(cell.variant(), shape), ceiling);
    }

    private ScalingRow measure(ScalingCell cell, JmhCellRunner runner, RunOrigin provenance) {
        OptionalLong estimate = SoftmaxMemoryEstimate.bytes(cell);
        double estimateMib = estimate.isPresent() ? estimate.getAsLong() / (double) (1L << 20) : Double.NaN;
        if (estimate.isPresent() && estimate.getAsLong() > plan.budget().bytes()) {
            String detail = String.format(Locale.ROOT, "estimated peak %.0f MiB (%s) exceeds the memory budget %s",
                    estimateMib, SoftmaxMemoryEstimate.formula(cell), plan.budget());
            return ScalingRow.skipped(cell, estimateMib, detail, plan.threads(), provenance);
        }
        try {
            return ScalingRow.ok(cell, runner.run(cell), estimateMib, plan.threads(), provenance);
        } catch (Exception e) {
            return ScalingRow.failed(cell, estimateMib, rootMessage(e), plan.threads(), provenance);
        }
    }

    private Map<String, ScalingRow> loadExisting() throws IOException {
        Map<String, ScalingRow> rows = new LinkedHashMap<>();
        if (!Files.exists(plan.csvFile())) {
            return rows;
        }
        for (ScalingRow r : ScalingCsv.read(plan.csvFile())) {
            if (r.ok() && (r.threads() != plan.threads() || !r.provenance().jmhSettings().equals(plan.jmh().describe()))) {
                throw new IllegalArgumentException(plan.csvFile() + " already holds cells measured with "
                        + r.threads() + " thread(s) and JMH settings '" + r.provenance().jmhSettings()
                        + "'; this run uses " + plan.threads() + " and '" + plan.jmh().describe()
                        + "'. Resume with the same settings or choose a new --run-id.");
            }
            rows.put(r.cell().key(), r);
        }
        out.println("resuming " + plan.csvFile() + ": " + rows.values().stream().filter(ScalingRow::ok).count()
                + " cells already measured");
        return rows;
    }

    private void report(List<ScalingRow> rows, MachineCeiling ceiling) throws IOException {
        List<Path> charts = ScalingCharts.write(rows, plan.runDir());
        List<ScalingTargets.Target> targets = ScalingTargets.evaluate(rows, plan.time());
        String table = ScalingTargets.markdown(targets, plan.runId(), rows, plan.time(), ceiling);
        Path targetsFile = plan.runDir().resolve(TARGETS_FILE);
        AtomicFiles.writeString(targetsFile, table);
        out.println();
        out.println(table);
        charts.forEach(c -> out.println("chart: " + c));
        if (plan.reportsDir() != null) {
            Files.createDirectories(plan.reportsDir());
            for (Path p : charts) {
                AtomicFiles.copy(p, plan.reportsDir().resolve(p.getFileName()));
            }
            AtomicFiles.copy(targetsFile, plan.reportsDir().resolve(TARGETS_FILE));
            out.println("copied charts and " + TARGETS_FILE + " to " + plan.reportsDir());
        }
    }

    private static String summary(ScalingRow row) {
        CellMeasurement m = row.measurement();
        return switch (row.status()) {
            case OK -> String.format(Locale.ROOT, "%.2f ms (min %.2f, max %.2f), cpu %.2f ms, peak %.1f MiB",
                    m.medianMs(), m.minMs(), m.maxMs(), m.cpuMs(), m.peakMib());
            case SKIPPED_OOM -> "skipped: " + row.detail();
            case FAILED -> "FAILED: " + row.detail();
        };
    }

    /** The innermost cause; JMH reports the benchmark's own exceptions as suppressed ones of its wrapper. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            } else if (t.getSuppressed().length > 0) {
                t = t.getSuppressed()[0];
            } else {
                break;
            }
        }
        String msg = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return msg.replaceAll("\\s+", " ").trim();
    }

    private static String elapsed(long startNanos) {
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
