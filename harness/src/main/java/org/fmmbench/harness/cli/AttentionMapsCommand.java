package org.fmmbench.harness.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fmmbench.harness.analysis.AttentionHeatmaps;
import org.fmmbench.harness.analysis.AttentionMapFiles;
import org.fmmbench.harness.analysis.HeadSpectrum;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.harness.train.CellTrainer;
import org.fmmbench.harness.train.Checkpointing;
import org.fmmbench.harness.train.CopyWorkload;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.copy.CopySequences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attention-maps}: the paper's Figure 1 analysis. Trains a softmax model on the copy task (a task whose
 * attention must be sharp and far: each copied symbol is read n positions back), then splits each layer's and
 * head's attention matrix on a few fresh inputs into band_k(A) and A − band_k(A) and reports the numerical rank of
 * both ({@link AttentionMapFiles}).
 */
@Command(name = "attention-maps", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a softmax copy-task model (the copy-cpu profile's sizes), then writes the numerical "
                + "rank of each layer's and head's attention matrix A and of its remainder A - band_k(A) on a few "
                + "inputs into <out>/<run-id>/: attention-ranks.csv, singular-values.csv, rank-chart.png, "
                + "heatmap-layer<L>-head<H>.png (A, band_k(A) and A - band_k(A) of the first input), summary.md."})
final class AttentionMapsCommand implements Callable<Integer> {
    @Option(names = "--task", paramLabel = "TASK", defaultValue = "copy",
            description = "copy (the copy-cpu profile's model) or image (the cpu profile's LRA classifier on the "
                    + "image task, Fashion-MNIST offline; --length does not apply) (default: ${DEFAULT-VALUE}).")
    String task;

    @Mixin
    DataDirOptions data;

    @Option(names = "--band", paramLabel = "K", defaultValue = "8",
            description = "Band width k: the band keeps |i - j| < k (default: ${DEFAULT-VALUE}).")
    int band;

    @Option(names = "--length", paramLabel = "L", defaultValue = "32",
            description = "Copy-task row length (default: ${DEFAULT-VALUE}; the paper's copy task uses 128).")
    int length;

    @Option(names = "--steps", paramLabel = "N",
            description = "Training steps (default: 1200 on copy, as the copy-cpu profile; 80 on image).")
    Integer steps;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "4",
            description = "Fresh inputs whose attention matrices are analysed (default: ${DEFAULT-VALUE}).")
    int inputs;

    @Mixin
    SeedOption seed;

    @Mixin
    ResultsDirOption out;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "attention-maps",
            description = "The run directory's name (default: ${DEFAULT-VALUE}).")
    String runId;

    @Option(names = "--force", description = "Replace an earlier analysis in the run directory.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BadInputException.requireAtLeast("--band", band, 1);
        BadInputException.requireAtLeast("--inputs", inputs, 1);
        if (steps != null) {
            BadInputException.requireAtLeast("--steps", steps, 1);
        }
        if (!task.equals("copy") && !task.equals("image")) {
            throw new BadInputException("--task " + task + " is not supported: use copy or image.");
        }
        Path dir = out.runDir(runId);
        if (Files.exists(dir.resolve("summary.md")) && !force) {
            throw new BadInputException(dir + " already holds an attention-map analysis: choose another --run-id "
                    + "or pass --force to replace it.");
        }
        boolean image = task.equals("image");
        CellConfig cell = image ? imageCell() : copyCell();
        Files.createDirectories(dir);
        List<HeadSpectrum> heads = new ArrayList<>();
        List<Path> heatmaps = new ArrayList<>();
        TrainResult result;
        String what;
        if (image) {
            result = new CellTrainer(data.checkedDataDir(), data.cacheDir()).train(cell, progress(),
                    Checkpointing.off(), (model, store, manager) -> {
                        int[] tokens = testImages(cell);
                        try (NDManager m = manager.newSubManager()) {
                            analyse(model.encoder().attentionMaps(store, m.create(tokens,
                                    new Shape(inputs, tokens.length / inputs))), dir, heads, heatmaps);
                        }
                    });
            what = String.format(Locale.ROOT, "trained %d steps on the image task (%s, %d tokens, one per pixel, "
                    + "seed %d). Test accuracy of the analysed (best-validation) parameters: **%.1f%%** (chance 10%%; "
                    + "a model at chance has nothing to show)", cell.train().steps(), result.dataSource(),
                    heads.get(0).size(), seed.value, 100 * result.testAccuracyAtBest());
        } else {
            result = new CopyWorkload().train(cell, progress(), (model, store, manager) -> {
                CopySequences rows = new CopySequences(cell.data().seqLength(), 10, seed.value ^ 0xA77E_4710L);
                int n = cell.data().seqLength();
                int[] tokens = new int[inputs * n];
                rows.fill(inputs, tokens, new int[inputs * n], new float[inputs * n]);
                try (NDManager m = manager.newSubManager()) {
                    analyse(model.attentionMaps(store, m.create(tokens, new Shape(inputs, n))), dir, heads,
                            heatmaps);
                }
            });
            what = String.format(Locale.ROOT, "trained %d steps on the copy task (L = %d, seed %d). Test copy "
                    + "accuracy of the analysed (best-validation) parameters: **%.1f%%** (chance ≈ 10%%; a model that "
                    + "has not learnt to copy has nothing to show)", cell.train().steps(), cell.data().seqLength(),
                    seed.value, 100 * result.testAccuracyAtBest());
        }
        String intro = String.format(Locale.ROOT, "Model: %d layers × %d heads × %d, %s. Heatmaps of A, "
                + "band_k(A) and A − band_k(A) for the first input: %s.", cell.model().layers(), cell.model().heads(),
                cell.model().dim() / cell.model().heads(), what,
                String.join(", ", heatmaps.stream().map(f -> "`" + f.getFileName() + "`").toList()));
        AttentionMapFiles.write(dir, heads, "Attention maps of a trained softmax " + task + " model", intro);
        spec.commandLine().getOut().println("Attention maps: " + dir.resolve("summary.md"));
        return 0;
    }

    /** Splits each layer's (B, H, N, N) maps per input and head; heatmaps of the first input. */
    private void analyse(List<NDArray> maps, Path dir, List<HeadSpectrum> heads, List<Path> heatmaps)
            throws IOException {
        for (int layer = 0; layer < maps.size(); layer++) {
            float[] values = maps.get(layer).toFloatArray();
            int h = Math.toIntExact(maps.get(layer).getShape().get(1));
            int n = Math.toIntExact(maps.get(layer).getShape().get(2));
            for (int sample = 0; sample < inputs; sample++) {
                for (int head = 0; head < h; head++) {
                    double[][] a = matrix(values, (sample * h + head) * n * n, n);
                    heads.add(HeadSpectrum.of(sample, layer, head, band, a));
                    if (sample == 0) {
                        heatmaps.add(AttentionHeatmaps.write(dir, layer, head, band, a));
                    }
                }
            }
        }
    }

    /** The first --inputs images of the test split, as token ids (inputs × N). */
    private int[] testImages(CellConfig cell) {
        try (Task t = TaskRegistry.open(cell.task(), CellTrainer.options(cell.data(), data.checkedDataDir(),
                data.cacheDir(), seed.value))) {
            Split test = t.split(SplitName.TEST);
            int n = t.info().seqLength();
            if (test.size() < inputs) {
                throw new BadInputException("--inputs " + inputs + " exceeds the " + test.size()
                        + " test images: lower --inputs.");
            }
            int[] tokens = new int[inputs * n];
            int[] row = new int[n];
            for (int i = 0; i < inputs; i++) {
                test.tokens(i, 0, row);
                System.arraycopy(row, 0, tokens, i * n, n);
            }
            return tokens;
        }
    }

    private CellConfig copyCell() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("data.seqLength", Integer.toString(length));
        overrides.put("train.steps", Integer.toString(steps == null ? 1200 : steps));
        return cell("copy-cpu", "copy", overrides);
    }

    /**
     * The cpu profile's image cell, shortened to minutes of one core: a tenth of the steps warm up, the learning
     * rate is 10× the profile's (1e-4 barely moves a model in 80 steps), test and validation capped at 200 images.
     */
    private CellConfig imageCell() {
        int n = steps == null ? 80 : steps;
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("train.steps", Integer.toString(n));
        overrides.put("train.warmupSteps", Integer.toString(Math.max(1, n / 10)));
        overrides.put("train.lr", "1.0e-3");
        overrides.put("data.maxVal", "200");
        overrides.put("data.maxTest", "200");
        return cell("cpu", "image", overrides);
    }

    private CellConfig cell(String profile, String taskName, Map<String, String> overrides) {
        RunPlanner planner = ReproduceCommand.planner(1);
        PlanRequest oneSoftmaxCell = new PlanRequest(List.of(taskName), "softmax", 1, "cpu", 1, null, null, null,
                null, null);
        CellConfig c = BadInputException.ifRejected(() -> planner.plan(ProfileLoader.load(profile, overrides),
                oneSoftmaxCell)).cell(0).config();
        return new CellConfig(c.profile(), c.task(), c.row(), c.variant(), seed.value, c.threads(), c.device(),
                c.model(), c.train(), c.data());
    }

    private static double[][] matrix(float[] values, int offset, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = values[offset + i * n + j];
            }
        }
        return a;
    }

    private TrainingListener progress() {
        PrintWriter err = spec.commandLine().getErr();
        return new TrainingListener() {
            @Override
            public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
                if (step % 100 == 0 || step == totalSteps) {
                    err.printf(Locale.ROOT, "attention-maps: step %d/%d loss %.4f%n", step, totalSteps, loss);
                    err.flush();
                }
            }

            @Override
            public void onEvaluation(int step, double valAccuracy, double valLoss) {
                err.printf(Locale.ROOT, "attention-maps: step %d validation accuracy %.1f%%%n", step,
                        100 * valAccuracy);
                err.flush();
            }
        };
    }
}
