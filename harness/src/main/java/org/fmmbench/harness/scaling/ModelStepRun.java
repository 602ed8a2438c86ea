package org.fmmbench.harness.scaling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.bench.LraTaskShape;
import org.fmmbench.harness.bench.LraTrainingStepBenchmark;

/**
 * Times one training step of each LRA task's paper model per variant ({@link LraTrainingStepBenchmark}), each
 * (task, variant) in its own fork, into {@code model-step.csv} (rewritten after every cell; a re-run with the
 * same run id keeps the cells already measured).
 */
final class ModelStepRun {
    private final List<LraTaskShape> tasks;
    private final List<VariantSpec> variants;
    private final int batch;
    private final ScalingPlan plan;
    private final PrintStream out;

    ModelStepRun(List<LraTaskShape> tasks, List<VariantSpec> variants, int batch, ScalingPlan plan, PrintStream out) {
        this.tasks = tasks;
        this.variants = variants;
        this.batch = batch;
        this.plan = plan;
        this.out = out;
    }

    List<ModelStepRow> execute(JmhCellRunner runner, RunOrigin provenance) throws IOException {
        Path csv = plan.runDir().resolve(ModelStepCsv.FILE_NAME);
        Map<String, ModelStepRow> rows = new LinkedHashMap<>();
        if (Files.exists(csv)) {
            ModelStepCsv.read(csv).forEach(r -> rows.put(r.key(), r));
        }
        int total = tasks.size() * variants.size();
        int i = 0;
        for (LraTaskShape task : tasks) {
            for (VariantSpec variant : variants) {
                i++;
                String prefix = String.format(Locale.ROOT, "[model step %d/%d] %s %s B=%d N=%d", i, total,
                        task.taskName(), variant, batch, task.seqLength);
                ModelStepRow previous = rows.get(task.taskName() + "|" + variant + "|" + batch);
                if (previous != null && previous.status() == RowStatus.OK) {
                    out.println(prefix + ": already measured, kept");
                    continue;
                }
                out.print(prefix + ": ");
                out.flush();
                ModelStepRow row = measure(task, variant, runner, provenance);
                out.println(row.status() == RowStatus.OK
                        ? String.format(Locale.ROOT, "%.1f ms/step, %.0f tokens/s, peak %.0f MiB",
                                row.measurement().medianMs(), row.tokensPerSecond(), row.measurement().peakMib())
                        : row.status().label() + ": " + row.detail());
                rows.put(row.key(), row);
                ModelStepCsv.write(csv, new ArrayList<>(rows.values()));
            }
        }
        return new ArrayList<>(rows.values());
    }

    private ModelStepRow measure(LraTaskShape task, VariantSpec variant, JmhCellRunner runner, RunOrigin p) {
        OptionalLong estimate = SoftmaxMemoryEstimate.trainingStepBytes(variant, task.seqLength, batch, task.documents);
        double estimateMib = estimate.isPresent() ? estimate.getAsLong() / (double) (1L << 20) : Double.NaN;
        if (estimate.isPresent() && estimate.getAsLong() > plan.budget().bytes()) {
            return row(task, variant, RowStatus.SKIPPED_OOM, ScalingRow.NOTHING, estimateMib,
                    String.format(Locale.ROOT, "estimated peak %.0f MiB (%s) exceeds the memory budget %s",
                            estimateMib, SoftmaxMemoryEstimate.TRAINING_FORMULA, plan.budget()), p);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("task", task.taskName());
        params.put("variant", variant.toString());
        params.put("batch", Integer.toString(batch));
        try {
            CellMeasurement m = runner.run(LraTrainingStepBenchmark.class.getName() + ".step", params);
            return row(task, variant, RowStatus.OK, m, estimateMib, "", p);
        } catch (Exception e) {
            return row(task, variant, RowStatus.FAILED, ScalingRow.NOTHING, estimateMib, ScalingRun.rootMessage(e), p);
        }
    }

    private ModelStepRow row(LraTaskShape task, VariantSpec variant, RowStatus status, CellMeasurement m,
            double estimateMib, String detail, RunOrigin p) {
        return new ModelStepRow(task.taskName(), variant, task.seqLength, batch, task.documents, status, m,
                estimateMib, plan.threads(), detail, p);
    }
}
