package org.fmmbench.harness.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ChanceLevel;
import org.fmmbench.harness.scaling.ScalingRow;
import org.fmmbench.harness.scaling.ScalingTargets;
import org.fmmbench.harness.scaling.TimeBasis;
import org.fmmbench.harness.train.LanguageModellingWorkload;

/**
 * The paper's claims a run can speak to, each with a verdict: (a) on ListOps FMMformer with two kernels beats
 * linear attention and band-only attention; (b) in language modelling softmax < FMMformer (2 kernels + band 20) <
 * linear in perplexity; (c) FMMformer's LRA average is at least softmax's; (d) FMMformer's time and memory grow
 * linearly in N.
 *
 * <p>A comparison is a difference of two rows with a 95% interval: the t-interval of per-seed differences when two
 * or more seeds ran both rows, else (one seed) the normal interval of the test-set sampling error of the two
 * accuracies (binomial, n test examples); perplexities of one seed have no interval. The claim is reproduced when
 * the interval lies on the claimed side of zero, not reproduced when it lies on the other side, and inconclusive
 * when it contains zero. A claim the run has no cells for is "not evaluated by this run", with the reason.
 */
final class Claims {
    static final String LISTOPS = "listops";
    static final String LM = LanguageModellingWorkload.TASK;
    static final List<String> LRA_TASKS = List.of("listops", "text", "retrieval", "image", "pathfinder");
    static final String FMM_LRA = "fmm2_band5";
    static final String FMM_LM = "fmm2_band20";

    enum Verdict {
        REPRODUCED("reproduced"), NOT_REPRODUCED("not reproduced"), INCONCLUSIVE("inconclusive"),
        NOT_EVALUATED("not evaluated by this run");

        final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /**
     * @param claim what the paper claims, in a line
     * @param paper the paper's numbers
     * @param measured this run's numbers and interval, empty when not evaluated
     * @param reason why the verdict is what it is
     */
    record Claim(String claim, String paper, String measured, Verdict verdict, String reason) {
    }

    /** One row's score on one seed (percent or perplexity) and its sampling variance (NaN when unknown). */
    private record Score(double value, double variance, boolean chance) {
    }

    private final RunSummary s;
    private final PaperResults paper;

    private Claims(RunSummary s, PaperResults paper) {
        this.s = s;
        this.paper = paper;
    }

    /**
     * @param scaling the rows of a scaling run's {@code scaling.csv}, {@code null} when none was found
     * @param scalingSource where they come from, for the report
     */
    static List<Claim> evaluate(RunSummary s, PaperResults paper, List<ScalingRow> scaling, Path scalingSource) {
        Claims c = new Claims(s, paper);
        return List.of(c.listOps("linear"), c.listOps("band_5"), c.languageModelOrder(), c.lraAverage(),
                linearInN(scaling, scalingSource));
    }

    private Claim listOps(String other) {
        String claim = "ListOps: FMMformer (2 kernels + band 5) is more accurate than " + other;
        String paperText = number(paper.accuracy(FMM_LRA, LISTOPS)) + " vs " + number(paper.accuracy(other, LISTOPS));
        Map<Long, Score> fmm = accuracies(LISTOPS, FMM_LRA);
        Map<Long, Score> base = accuracies(LISTOPS, other);
        if (fmm.isEmpty() || base.isEmpty()) {
            return new Claim(claim, paperText, "", Verdict.NOT_EVALUATED, "no ok ListOps cell of row "
                    + (fmm.isEmpty() ? FMM_LRA : other));
        }
        return compare(claim, paperText, fmm, base, NO_TEST_SIZE, dataNote(LISTOPS));
    }

    private Claim languageModelOrder() {
        String claim = "Language modelling: test perplexity softmax < FMMformer (2 kernels + band 20) < linear "
                + "(order only: the corpus is not the paper's)";
        String paperText = number(paper.perplexity("softmax")) + " < " + number(paper.perplexity(FMM_LM)) + " < "
                + number(paper.perplexity("linear")) + " (WikiText-103)";
        Map<Long, Score> softmax = perplexities("softmax");
        Map<Long, Score> fmm = perplexities(FMM_LM);
        Map<Long, Score> linear = perplexities("linear");
        for (var row : List.of(Map.entry("softmax", softmax), Map.entry(FMM_LM, fmm), Map.entry("linear", linear))) {
            if (row.getValue().isEmpty()) {
                return new Claim(claim, paperText, "", Verdict.NOT_EVALUATED, "no ok language-modelling cell of row "
                        + row.getKey());
            }
        }
        Claim first = compare("softmax < " + FMM_LM, "", fmm, softmax, NO_PERPLEXITY_INTERVAL, "");
        Claim second = compare(FMM_LM + " < linear", "", linear, fmm, NO_PERPLEXITY_INTERVAL, "");
        Verdict verdict = first.verdict() == Verdict.NOT_REPRODUCED || second.verdict() == Verdict.NOT_REPRODUCED
                ? Verdict.NOT_REPRODUCED
                : first.verdict() == Verdict.REPRODUCED && second.verdict() == Verdict.REPRODUCED ? Verdict.REPRODUCED
                : Verdict.INCONCLUSIVE;
        String measured = String.format(Locale.ROOT, "%.2f / %.2f / %.2f; %s: %s; %s: %s", mean(softmax), mean(fmm),
                mean(linear), FMM_LM + " - softmax", first.measured(), "linear - " + FMM_LM, second.measured());
        String reason = first.reason().equals(second.reason()) ? first.reason()
                : "first: " + first.reason() + "; second: " + second.reason();
        return new Claim(claim, paperText, measured, verdict, reason + dataNote(LM));
    }

    private Claim lraAverage() {
        String claim = "LRA average over the five tasks: FMMformer (2 kernels + band 5) >= softmax";
        String paperText = number(paperAverage(FMM_LRA)) + " vs " + number(paperAverage("softmax"));
        Set<String> missing = new TreeSet<>();
        for (String task : LRA_TASKS) {
            for (String row : List.of(FMM_LRA, "softmax")) {
                if (accuracies(task, row).isEmpty()) {
                    missing.add(task + "/" + row);
                }
            }
        }
        if (!missing.isEmpty()) {
            return new Claim(claim, paperText, "", Verdict.NOT_EVALUATED, "needs ok cells of both rows on all five "
                    + "LRA tasks; missing " + String.join(", ", missing));
        }
        long standIns = LRA_TASKS.stream().filter(t -> !dataNote(t).isEmpty()).count();
        return compare(claim, paperText, averages(FMM_LRA), averages("softmax"), NO_TEST_SIZE,
                standIns == 0 ? "" : "; data: stand-ins on " + standIns + " of 5 tasks (see Data)");
    }

    private static Claim linearInN(List<ScalingRow> scaling, Path source) {
        String claim = "Time and memory of FMMformer (forward + backward) grow linearly in N";
        String paperText = "linear complexity (Sec. 3; efficiency figure)";
        if (scaling == null) {
            return new Claim(claim, paperText, "", Verdict.INCONCLUSIVE, "no scaling run found: run "
                    + "`fmmbench scaling` (its scaling.csv in the run directory or beside it is read)");
        }
        List<ScalingTargets.Target> targets = ScalingTargets.fmmLinearInN(scaling, TimeBasis.CPU);
        String measured = String.join("; ", targets.stream().map(t -> t.name() + " " + t.measured()).toList());
        boolean fail = targets.stream().anyMatch(t -> t.verdict() == ScalingTargets.Verdict.FAIL);
        boolean pass = targets.stream().allMatch(t -> t.verdict() == ScalingTargets.Verdict.PASS);
        String requirement = "log-log slope " + targets.get(0).requirement() + " (from " + source + ")";
        if (pass) {
            return new Claim(claim, paperText, measured, Verdict.REPRODUCED, requirement);
        }
        return new Claim(claim, paperText, measured, fail ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE,
                fail ? requirement + " not met" : "N 4096-65536 not measured in " + source);
    }

    /** Why one seed of accuracies written before test-set sizes were recorded has no interval. */
    private static final String NO_TEST_SIZE = "one seed, and the number of test examples is not recorded "
            + "(results written before it was): no interval";
    /** Why one seed of perplexities has no interval. */
    private static final String NO_PERPLEXITY_INTERVAL = "one seed: a perplexity has no sampling interval here, run "
            + "more seeds";

    /**
     * The claim "a's value exceeds b's", as a difference {@code a - b} with its interval (for perplexities, pass the
     * worse row as {@code a}).
     *
     * @param noInterval the reason given when one seed has no known sampling error
     */
    private Claim compare(String claim, String paperText, Map<Long, Score> a, Map<Long, Score> b, String noInterval,
            String note) {
        Set<Long> seeds = new TreeSet<>(a.keySet());
        seeds.retainAll(b.keySet());
        SeedInterval interval;
        if (seeds.size() >= 2) {
            interval = SeedInterval.overSeeds(seeds.stream().mapToDouble(k -> a.get(k).value() - b.get(k).value())
                    .toArray());
        } else {
            Score x = seeds.isEmpty() ? a.values().iterator().next() : a.get(seeds.iterator().next());
            Score y = seeds.isEmpty() ? b.values().iterator().next() : b.get(seeds.iterator().next());
            double difference = x.value() - y.value();
            double variance = x.variance() + y.variance();
            if (Double.isNaN(variance)) {
                String measured = String.format(Locale.ROOT, "%.2f vs %.2f (one seed, no interval)", x.value(),
                        y.value());
                return new Claim(claim, paperText, measured, Verdict.INCONCLUSIVE, noInterval + note);
            }
            interval = SeedInterval.normal(difference, Math.sqrt(variance), "one seed, binomial test-set interval");
        }
        // as many decimals as the interval's width needs, so that a narrow interval off zero does not print as 0
        int places = decimals(interval.high() - interval.low());
        String measured = String.format(Locale.ROOT, "%.2f vs %.2f, difference %s (95%% CI %s to %s, %s)", mean(a),
                mean(b), signed(interval.mean(), places), signed(interval.low(), places),
                signed(interval.high(), places), interval.basis());
        Verdict verdict = interval.above(0) ? Verdict.REPRODUCED
                : interval.below(0) ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
        String reason = switch (verdict) {
            case REPRODUCED -> "the interval lies above zero";
            case NOT_REPRODUCED -> "the interval lies below zero: the opposite holds";
            default -> "the interval contains zero";
        };
        boolean chance = a.values().stream().anyMatch(Score::chance) || b.values().stream().anyMatch(Score::chance);
        return new Claim(claim, paperText, measured, verdict, reason
                + (chance ? "; cells at chance level take part (flag " + ChanceLevel.FLAG + ")" : "") + note);
    }

    /** Test accuracy in percent of the ok cells of (task, row) by seed, with its binomial variance. */
    private Map<Long, Score> accuracies(String task, String row) {
        return bySeed(task, row, cell -> cell.metrics().testAccBest(), c -> c.metrics().testExamples() == null
                ? Double.NaN
                : 1e4 * SeedInterval.binomialVariance(c.metrics().testAccBest(), c.metrics().testExamples()), 100);
    }

    private Map<Long, Score> perplexities(String row) {
        return bySeed(LM, row, cell -> cell.metrics().testPpl(), c -> Double.NaN, 1);
    }

    private Map<Long, Score> bySeed(String task, String row, Function<CellResult, Double> metric,
            Function<CellResult, Double> variance, double scale) {
        Map<Long, Score> out = new TreeMap<>();
        for (CellResult c : s.cells(task, row)) {
            Double v = metric.apply(c);
            if (c.status() == CellStatus.OK && v != null && !v.isNaN()) {
                out.put(c.identity().seed(), new Score(scale * v, variance.apply(c),
                        c.metrics().hasFlag(ChanceLevel.FLAG)));
            }
        }
        return out;
    }

    /** The five-task average accuracy of a row, for each seed that ran every task. */
    private Map<Long, Score> averages(String row) {
        Map<Long, Score> out = new TreeMap<>();
        List<Map<Long, Score>> tasks = new ArrayList<>();
        LRA_TASKS.forEach(t -> tasks.add(accuracies(t, row)));
        Set<Long> seeds = new TreeSet<>(tasks.get(0).keySet());
        tasks.forEach(t -> seeds.retainAll(t.keySet()));
        for (long seed : seeds) {
            double value = 0;
            double variance = 0;
            boolean chance = false;
            for (Map<Long, Score> t : tasks) {
                Score score = t.get(seed);
                value += score.value() / tasks.size();
                variance += score.variance() / (tasks.size() * tasks.size());
                chance |= score.chance();
            }
            out.put(seed, new Score(value, variance, chance));
        }
        return out;
    }

    private Double paperAverage(String row) {
        double sum = 0;
        for (String task : LRA_TASKS) {
            Double v = paper.accuracy(row, task);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum / LRA_TASKS.size();
    }

    /** Where the run's data is not the paper's, a note saying so; empty otherwise. */
    private String dataNote(String task) {
        List<String> standIns = s.results().stream().filter(r -> r.identity().task().equals(task)
                && r.config().dataSource() != null)
                .map(r -> r.config().dataSource()).distinct().filter(src -> !paper.isPaperData(task, src))
                .map(src -> paper.describeSource(task, src)).toList();
        return standIns.isEmpty() ? "" : "; data: " + String.join(", ", standIns);
    }

    private static double mean(Map<Long, Score> scores) {
        return scores.values().stream().mapToDouble(Score::value).average().orElse(Double.NaN);
    }

    /** A paper number, or "unknown" where the paper has the row but its value is not known here. */
    private static String number(Double v) {
        return v == null ? "unknown" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code v} with its sign and {@code places} decimals. */
    private static String signed(double v, int places) {
        return String.format(Locale.ROOT, "%+." + places + "f", v);
    }

    /** Decimals that show two significant digits of {@code width}: 2 for widths of 0.1 or more. */
    static int decimals(double width) {
        return width > 0 && width < 0.1 ? Math.min(6, 1 - (int) Math.floor(Math.log10(width))) : 2;
    }
}
