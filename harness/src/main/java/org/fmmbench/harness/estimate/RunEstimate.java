package org.fmmbench.harness.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fmmbench.harness.results.ReportDocument;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RunPlan;

/**
 * The time a plan should take, cell by cell, from measured step times, and how its tasks split over cores: each
 * core runs one {@code reproduce --tasks ...} with one thread per cell, so a task's cells stay on one core.
 */
public record RunEstimate(List<CellEstimate> cells) {

    public static RunEstimate of(RunPlan plan, StepMeasurements measurements) {
        return new RunEstimate(plan.cells().stream().map(c -> CellEstimate.of(c, measurements.of(c.config())))
                .toList());
    }

    public double totalS() {
        return cells.stream().mapToDouble(CellEstimate::totalS).sum();
    }

    /** Seconds per task, in plan order. */
    public Map<String, Double> taskS() {
        Map<String, Double> s = new LinkedHashMap<>();
        cells.forEach(c -> s.merge(c.cell().config().task(), c.totalS(), Double::sum));
        return s;
    }

    /** Tasks per core, longest task first onto the least loaded core (LPT: within 4/3 of the best split). */
    public List<List<String>> tasksPerCore(int cores) {
        List<List<String>> groups = new ArrayList<>();
        double[] load = new double[cores];
        for (int i = 0; i < cores; i++) {
            groups.add(new ArrayList<>());
        }
        taskS().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(t -> {
            int least = 0;
            for (int i = 1; i < cores; i++) {
                least = load[i] < load[least] ? i : least;
            }
            load[least] += t.getValue();
            groups.get(least).add(t.getKey());
        });
        groups.removeIf(List::isEmpty);
        return groups;
    }

    /** Wall-clock with {@link #tasksPerCore} running side by side: the busiest core's seconds. */
    public double wallS(int cores) {
        Map<String, Double> perTask = taskS();
        return tasksPerCore(cores).stream().mapToDouble(g -> g.stream().mapToDouble(perTask::get).sum()).max()
                .orElse(0);
    }

    /** The estimate as a document: every cell, then per task, per core and the wall-clock. */
    public ReportDocument document(int cores) {
        List<List<String>> cellRows = cells.stream().map(c -> {
            PlannedCell p = c.cell();
            int steps = p.config().train().steps();
            return List.of(p.id(), p.config().train().batchSize() + " x " + steps,
                    String.format(Locale.ROOT, "%.2f s", c.trainS() / steps), minutes(c.trainS()),
                    minutes(c.evalS()), minutes(c.overheadS()), minutes(c.totalS()));
        }).toList();
        List<List<String>> taskRows = new ArrayList<>();
        taskS().forEach((task, s) -> taskRows.add(List.of(task, hours(s))));
        taskRows.add(List.of("total", hours(totalS())));
        Map<String, Double> perTask = taskS();
        List<List<String>> groups = tasksPerCore(cores);
        List<List<String>> coreRows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            coreRows.add(List.of(String.valueOf(i + 1), "--tasks " + String.join(",", groups.get(i)),
                    hours(groups.get(i).stream().mapToDouble(perTask::get).sum())));
        }
        return new ReportDocument("Estimated time of the run")
                .table(List.of("cell", "batch x steps", "CPU per step", "training", "evaluation", "start and data",
                        "total"), cellRows)
                .table(List.of("task", "one core"), taskRows)
                .table(List.of("core", "runs", "time"), coreRows)
                .paragraph(String.format(Locale.ROOT, "Wall-clock on %d cores: %s.", cores, hours(wallS(cores))));
    }

    private static String minutes(double s) {
        return String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    private static String hours(double s) {
        return String.format(Locale.ROOT, "%.2f h", s / 3600);
    }
}
