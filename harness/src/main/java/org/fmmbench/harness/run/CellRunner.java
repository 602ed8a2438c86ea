package org.fmmbench.harness.run;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.train.DivergedException;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.harness.results.MemoryProbe;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.results.RunDirectory;

/**
 * Runs one cell in this JVM and writes its {@code result.json} (and {@code curve.csv}) into the cell
 * directory. Whatever the training throws is turned into a status; only a failure to write the result
 * escapes.
 */
public final class CellRunner {
    public static final String RESULT_FILE = "result.json";

    private final CellTraining training;
    private final Consumer<ProgressEvent> progress;
    private final CheckpointPolicy checkpoints;

    /** A runner whose cells do not checkpoint. */
    public CellRunner(CellTraining training, Consumer<ProgressEvent> progress) {
        this(training, progress, CheckpointPolicy.OFF);
    }

    /**
     * A runner whose cells checkpoint into their directory as {@code checkpoints} says and resume from a checkpoint
     * found there; a cell that ends {@code ok} deletes it unless asked to keep it.
     */
    public CellRunner(CellTraining training, Consumer<ProgressEvent> progress, CheckpointPolicy checkpoints) {
        this.training = training;
        this.progress = progress;
        this.checkpoints = checkpoints;
    }

    public static Path cellDir(Path runDir, PlannedCell cell) {
        return runDir.resolve("cells").resolve(cell.id());
    }

    public CellResult run(RunPlan plan, PlannedCell cell, Path runDir) throws IOException {
        Path dir = cellDir(runDir, cell);
        RunDirectory.open(dir);
        // A result of an earlier attempt would speak for this one if it dies before writing its own.
        Files.deleteIfExists(dir.resolve(RESULT_FILE));
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long start = System.nanoTime();
        TrainResult trained = null;
        CellStatus status;
        String detail = "";
        try {
            trained = training.train(cell.config(), new Reporter(cell.config().train().steps()),
                    checkpoints.forCell(dir, cell.configHash()));
            status = CellStatus.OK;
            detail = trained.note();
        } catch (MissingDataException e) {
            status = CellStatus.SKIPPED;
            detail = e.getMessage();
        } catch (DivergedException e) {
            status = CellStatus.DIVERGED;
            detail = e.getMessage();
        } catch (OutOfMemoryError e) {
            status = CellStatus.OOM;
            detail = CellOutcomes.firstLine(e);
        } catch (RuntimeException e) {
            status = isNativeOutOfMemory(e) ? CellStatus.OOM : CellStatus.FAILED;
            detail = CellOutcomes.firstLine(rootCause(e));
            e.printStackTrace();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        CellResult result = CellOutcomes.of(plan.runId(), cell, status, detail, trained,
                Provenance.probe(training.engineVersion()), startedAt, MemoryProbe.selfPeakMib(), wall);
        if (trained != null && trained.curve() != null) {
            CurveCsv.write(dir.resolve(CurveCsv.FILE_NAME), trained.curve());
        }
        writeResult(dir, result);
        if (status == CellStatus.OK && !checkpoints.keep()) {
            Files.deleteIfExists(CheckpointPolicy.checkpointFile(dir));
        }
        return result;
    }

    public static void writeResult(Path cellDir, CellResult result) throws IOException {
        AtomicFiles.write(cellDir.resolve(RESULT_FILE),
                w -> ResultsCsv.writeJson(w, result));
    }

    /**
     * The cell's result, or {@code null} if it has none. A file that exists but cannot be read (truncated, written
     * by another version) is an {@link IOException} naming the file, for the caller to report: a silently missing
     * row would look like a cell that never ran.
     */
    public static CellResult readResult(Path cellDir) throws IOException {
        Path file = cellDir.resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ResultsCsv.readJson(file);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + CellOutcomes.firstLine(e), e);
        }
    }

    /**
     * libtorch reports a failed allocation as an {@link EngineException} whose message is the C++ allocator's; the
     * exception's type decides, so that no other error that happens to mention memory counts.
     */
    static boolean isNativeOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EngineException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("can't allocate memory") || m.contains("cannot allocate memory")
                        || m.contains("bad_alloc") || m.contains("out of memory")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e : t;
    }

    /** Forwards training progress as {@link ProgressEvent}s, keeping the latest validation accuracy. */
    private final class Reporter implements TrainingListener {
        private final int total;
        private double lastVal = Double.NaN;
        private double lastLoss = Double.NaN;
        private long lastElapsed;

        Reporter(int total) {
            this.total = total;
        }

        @Override
        public void onStep(int step, int totalSteps, double loss, double lr, long elapsedMs) {
            lastLoss = loss;
            lastElapsed = elapsedMs;
            progress.accept(new ProgressEvent(step, totalSteps > 0 ? totalSteps : total, loss, elapsedMs, lastVal));
        }

        @Override
        public void onEvaluation(int step, double valAccuracy, double valLoss) {
            lastVal = valAccuracy;
            progress.accept(new ProgressEvent(step, total, lastLoss, lastElapsed, valAccuracy));
        }
    }
}
