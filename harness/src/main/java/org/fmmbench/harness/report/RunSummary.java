package org.fmmbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.train.ReportSection;
import org.fmmbench.harness.train.Workloads;

/** The results of a run arranged as the report needs them: tasks and rows in run order, seeds aggregated. */
final class RunSummary {
    private static final Workloads WORKLOADS = Workloads.load();

    /** Mean and sample standard deviation over seeds; {@code n} = 0 when no cell gave a value. */
    record Stat(double mean, double sd, int n) {
    }

    private final List<CellResult> results;
    private final List<String> tasks;
    private final List<String> rows;

    RunSummary(List<CellResult> results) {
        this.results = List.copyOf(results);
        Set<String> t = new LinkedHashSet<>();
        Set<String> r = new LinkedHashSet<>();
        for (CellResult c : results) {
            t.add(c.identity().task());
            r.add(c.identity().row());
        }
        this.tasks = List.copyOf(t);
        this.rows = List.copyOf(r);
    }

    List<CellResult> results() {
        return results;
    }

    List<String> tasks() {
        return tasks;
    }

    /** Tasks scored by accuracy beside the paper's LRA table: those whose workload reports them there. */
    List<String> classificationTasks() {
        return tasksIn(ReportSection.ACCURACY);
    }

    /** The run's tasks whose workload reports them in {@code section}, in run order. */
    List<String> tasksIn(ReportSection section) {
        return tasks.stream().filter(t -> WORKLOADS.findOrClassification(t).reportSection() == section).toList();
    }

    List<String> rows() {
        return rows;
    }

    /** The rows that have a cell in one of {@code someTasks}, in run order: another workload's rows are left out. */
    List<String> rowsOf(List<String> someTasks) {
        return rows.stream().filter(r -> results.stream().anyMatch(c -> c.identity().row().equals(r)
                && someTasks.contains(c.identity().task()))).toList();
    }

    List<CellResult> cells(String task, String row) {
        return results.stream().filter(c -> c.identity().task().equals(task)
                && c.identity().row().equals(row)).toList();
    }

    /** A metric over the {@code ok} cells of (task, row). */
    Stat stat(String task, String row, Function<CellResult, ? extends Number> metric) {
        List<Double> values = new ArrayList<>();
        for (CellResult c : cells(task, row)) {
            Number v = c.status() == CellStatus.OK ? metric.apply(c) : null;
            if (v != null && !Double.isNaN(v.doubleValue())) {
                values.add(v.doubleValue());
            }
        }
        if (values.isEmpty()) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Stat(mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0, values.size());
    }

    /** Null for charts where a (task, row) has no value. */
    Double mean(String task, String row, Function<CellResult, ? extends Number> metric) {
        Stat s = stat(task, row, metric);
        return s.n() == 0 ? null : s.mean();
    }
}
