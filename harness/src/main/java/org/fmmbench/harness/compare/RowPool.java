package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The step time of one row pooled over its cells (every task and seed both runs have): the geometric mean of the
 * cells' ratios candidate / baseline in one view. A results cell's CPU step time moves by a 10 ms clock tick, which
 * is x2 on a 10 ms cell, so such cells are not judged alone; averaged over a row's cells the ticks cancel, and a
 * slow-down of the row (or of every row) shows at a tolerance far tighter than one cell's. Two fresh-clone CI runs
 * of unchanged code read every pool of 5 or more smoke cells within x0.85-x1.23 of the reference (calibrated by the
 * matrix products), while their cells reached x2.00.
 *
 * @param row the row label, as in the cells' keys
 * @param cells how many cells the pool averages
 */
record RowPool(String row, int cells, Judgement judgement) {
    /**
     * Fewer cells than this are too few for their ticks to cancel: in a fresh-clone CI run one LM cell read x2.00
     * and the three 10-20 ms cells of one variant spec x1.64, while every pool of 5 or more stayed within x1.23.
     */
    static final int MIN_CELLS = 5;

    boolean regressed() {
        return judgement.regressed();
    }

    /**
     * One pool per row with at least {@link #MIN_CELLS} cells that are ok and timed in every run of both sides.
     *
     * @param base the baseline's repeats of each cell, by id; {@code cand} likewise
     * @param view what each time is divided by (the run's calibration, or nothing when raw)
     */
    static List<RowPool> judge(Map<String, List<ComparableCell>> base, Map<String, List<ComparableCell>> cand,
            RunComparator.View view, double tolerance, double level, List<String> notes) {
        Set<String> baseRuns = runs(base);
        Set<String> candRuns = runs(cand);
        Map<String, List<String>> idsByRow = new LinkedHashMap<>();
        base.forEach((id, bs) -> {
            List<ComparableCell> cs = cand.get(id);
            ComparableCell first = bs.get(0);
            if (first.row() != null && cs != null && timed(bs, baseRuns, view, notes)
                    && timed(cs, candRuns, view, notes)) {
                idsByRow.computeIfAbsent(first.row(), k -> new ArrayList<>()).add(id);
            }
        });
        List<RowPool> pools = new ArrayList<>();
        idsByRow.forEach((row, ids) -> {
            if (ids.size() >= MIN_CELLS) {
                double[] x = pooledLogs(ids, base, baseRuns, view, notes);
                double[] y = pooledLogs(ids, cand, candRuns, view, notes);
                pools.add(new RowPool(row, ids.size(), Judgement.of(view.name(), x, y, tolerance, 0, true, level)));
            }
        });
        return pools;
    }

    private static Set<String> runs(Map<String, List<ComparableCell>> cells) {
        Set<String> runs = new LinkedHashSet<>();
        cells.values().forEach(repeats -> repeats.forEach(c -> runs.add(c.run())));
        return runs;
    }

    /** Whether every run holds this cell, ok, with a step time and a divisor. */
    private static boolean timed(List<ComparableCell> repeats, Set<String> runs, RunComparator.View view,
            List<String> notes) {
        return repeats.size() == runs.size() && repeats.stream().allMatch(c -> logTime(c, view, notes) != null);
    }

    private static Double logTime(ComparableCell c, RunComparator.View view, List<String> notes) {
        return RunComparator.log(view, c, ComparableCell::timeMs, notes, "time");
    }

    /** Per run: the mean over the pool's cells of log(time / divisor). */
    private static double[] pooledLogs(List<String> ids, Map<String, List<ComparableCell>> cells, Set<String> runs,
            RunComparator.View view, List<String> notes) {
        Map<String, Double> sums = new LinkedHashMap<>();
        runs.forEach(r -> sums.put(r, 0.0));
        for (String id : ids) {
            for (ComparableCell c : cells.get(id)) {
                sums.merge(c.run(), logTime(c, view, notes), Double::sum);
            }
        }
        return sums.values().stream().mapToDouble(s -> s / ids.size()).toArray();
    }
}
