package org.fmmbench.harness.run;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.train.CurvePoint;
import org.fmmbench.harness.train.DivergedException;
import org.fmmbench.harness.train.TrainResult;
import org.fmmbench.harness.train.TrainingListener;
import org.fmmbench.tasks.MissingDataException;

/**
 * Stands in for {@code fmmbench train --plan P --cell I --child} in tests: runs the cell through the real
 * {@link CellRunner} with a trainer that misbehaves on purpose, chosen by the cell's variant name. Each
 * start is appended to {@code invocations.log} in the run directory; with {@code --prepare-data} it only appends
 * the cell to {@code prepared.log}. {@code --micro-batch N} is applied as {@code train} applies it.
 */
public final class FakeCellMain {
    private FakeCellMain() {
    }

    public static void main(String[] args) throws Exception {
        Path planFile = Path.of(args[2]);
        RunPlan plan = RunPlan.read(planFile);
        PlannedCell cell = plan.cell(Integer.parseInt(args[4]));
        int microBatch = List.of(args).indexOf("--micro-batch");
        if (microBatch >= 0) {
            cell = cell.withMicroBatch(Integer.parseInt(args[microBatch + 1]));
        }
        Path runDir = planFile.toAbsolutePath().getParent();
        if (List.of(args).contains("--prepare-data")) {
            Files.writeString(runDir.resolve("prepared.log"), cell.id() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        Files.writeString(runDir.resolve("invocations.log"), cell.id() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String behaviour = cell.config().variant();
        switch (behaviour) {
            case "kill9" -> {
                Thread.sleep(700);
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(10_000);
            }
            case "hang" -> Thread.sleep(600_000);
            case "crash-before-training" -> {
                System.err.println("Exception in thread \"main\" java.lang.IllegalStateException: broken install");
                System.err.println("\tat somewhere(Somewhere.java:1)");
                System.exit(1);
            }
            case "unreadable-result" -> {
                Files.createDirectories(CellRunner.cellDir(runDir, cell));
                Files.writeString(CellRunner.cellDir(runDir, cell).resolve(CellRunner.RESULT_FILE), "{\"run_id\": ");
                System.exit(0);
            }
            default -> {
            }
        }
        new CellRunner(new FakeTraining(behaviour), e -> System.out.println(e.toLine())).run(plan, cell, runDir);
    }

    /** Trains nothing; behaves as its name says. */
    static final class FakeTraining implements CellTraining {
        private final String behaviour;

        FakeTraining(String behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public TrainResult train(CellConfig cell, TrainingListener listener) {
            int steps = cell.train().steps();
            List<CurvePoint> curve = new ArrayList<>();
            for (int s = 1; s <= steps; s++) {
                double loss = behaviour.equals("nan") && s == 2 ? Double.NaN : 2.0 / s;
                listener.onStep(s, steps, loss, 1e-3, 10L * s);
                if (Double.isNaN(loss)) {
                    throw new DivergedException(s, loss);
                }
                double val = s % 2 == 0 ? 0.1 * s : Double.NaN;
                if (!Double.isNaN(val)) {
                    listener.onEvaluation(s, val, loss);
                }
                curve.add(new CurvePoint(s, loss, val, 1e-3, 10L * s));
            }
            switch (behaviour) {
                case "oom-unless-halved" -> {
                    if (cell.train().examplesPerPass() == cell.train().batchSize()) {
                        throw new OutOfMemoryError("planted: the whole batch does not fit");
                    }
                }
                case "throws" -> throw new IllegalStateException("deliberate failure\nsecond line");
                case "missing" -> throw new MissingDataException("no data for " + cell.task() + ": put it in DIR");
                case "oom" -> {
                    long[][] hog = new long[64][];
                    for (int i = 0; i < hog.length; i++) {
                        hog[i] = new long[Integer.MAX_VALUE - 16];
                    }
                    throw new AssertionError("allocated " + hog.length + " arrays of 16 GiB");
                }
                default -> {
                }
            }
            return new TrainResult("fake-source", 0.5, steps, 0.45, 0.4, 2.0 / steps, steps, 10L * steps, 10.0,
                    12.0, 9.0, 1000.0, 5L, 4242L, curve);
        }

        @Override
        public String engineVersion() {
            return "fake";
        }
    }

}
