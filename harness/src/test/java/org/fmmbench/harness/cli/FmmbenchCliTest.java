package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.RegistryCellValidator;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmmbenchCliTest {
    @TempDir
    Path dir;

    private String stderr;

    private int run(String... args) {
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        stderr = err.toString();
        return code;
    }

    /** Runs reproduce into the temporary directory and checks it exits 2 with one line naming the problem. */
    private void assertBadReproduce(String expectedInMessage, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("reproduce", "--out", dir.resolve("results").toString(),
                "--reports", dir.resolve("reports").toString()));
        args.addAll(List.of(extra));
        assertBadInput(run(args.toArray(String[]::new)), stderr, expectedInMessage, dir);
    }

    /** Exit code 2, one line on stderr naming the problem, and nothing in {@code dir}. */
    static void assertBadInput(int code, String stderr, String expectedInMessage, Path dir) throws IOException {
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code, stderr);
        assertEquals(1, stderr.strip().lines().count(), "one line: " + stderr);
        assertTrue(stderr.contains(expectedInMessage), stderr);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written for bad input");
        }
    }

    @Test
    void anEstimateWithoutAFittingMeasurementIsBadInputAndWritesNothing() throws IOException {
        assertBadReproduce("holds no results.csv", "--profile", "cpu", "--estimate", dir.resolve("none").toString());
        assertBadReproduce("(1024 tokens", "--profile", "cpu", "--tasks", "listops", "--set",
                "listops.data.seqLength=2048", "--estimate", Path.of("..", "docs", "measurements", "cpu-profile")
                        .toString());
        assertBadReproduce("--cores must be at least 1", "--profile", "cpu", "--cores", "0", "--estimate",
                Path.of("..", "docs", "measurements", "cpu-profile").toString());
    }

    @Test
    void unknownProfile() throws IOException {
        assertBadReproduce("Unknown profile 'fastest'", "--profile", "fastest");
    }

    @Test
    void unknownTask() throws IOException {
        assertBadReproduce("Unknown task 'cifar'", "--tasks", "listops,cifar");
    }

    @Test
    void unknownVariantAndBadVariantParameter() throws IOException {
        assertBadReproduce("Unknown attention variant 'fmmm'", "--variants", "softmax,fmmm:k=5");
        assertBadReproduce("fmm", "--variants", "fmm:k=5,blend=sideways");
    }

    @Test
    void unknownOptionAndBadValues() throws IOException {
        assertBadReproduce("did you mean --seeds", "--sedes", "3");
        assertBadReproduce("unknown field 'microbatch'", "--set", "train.microbatch=8");
        assertBadReproduce("'--seeds'", "--seeds", "three");
        assertBadReproduce("Bad duration '10 minutes'", "--cell-timeout", "10 minutes");
        assertBadReproduce("--max-steps must be >= 1", "--max-steps", "0");
        assertBadReproduce("Unknown device 'tpu'", "--device", "tpu");
        assertBadReproduce("Bad run id '../elsewhere'", "--run-id", "../elsewhere");
        assertBadReproduce("Bad run id '..'", "--run-id", "..");
        assertBadReproduce("--device gpu needs a CUDA build of libtorch", "--device", "gpu");
    }

    @Test
    void scalingValidatesItsRunIdBeforeWritingAnything() throws IOException {
        for (String id : List.of("..", "../elsewhere", "a/b", "-x")) {
            assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("scaling", "--quick", "--run-id", id, "--out",
                    dir.resolve("results").toString()), id + ": " + stderr);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), "nothing written for run id " + id);
            }
        }
    }

    @Test
    void requiredRealDataThatIsMissingStopsTheRunBeforeAnythingIsWritten() throws IOException {
        assertBadReproduce("Real data is required", "--tasks", "text,listops", "--require-real-data");
        assertBadReproduce("text would use the stand-in europarl-sorted-segments", "--tasks", "text", "--set",
                "data.requireRealData=true");
    }

    @Test
    void missingDataDir() throws IOException {
        assertBadReproduce("--data-dir " + dir.resolve("no-such-dir") + " is not a directory",
                "--data-dir", dir.resolve("no-such-dir").toString());
    }

    @Test
    void malformedProfileFile() throws IOException {
        Path profile = Files.writeString(dir.resolve("mine.yaml"), "name: mine\ntasks: [listops\n");
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(new String[] {"reproduce", "--profile", profile.toString(), "--out",
                dir.resolve("results").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("is not a valid profile"), err.toString());
        assertTrue(Files.notExists(dir.resolve("results")));
    }

    @Test
    void reusingARunIdForADifferentPlanIsRefusedAndKeepsTheOldPlan() throws IOException {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), Runtime.getRuntime().availableProcessors());
        RunPlan old = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(null, null, null, "cpu", null, 3, null, null, null, "mine"));
        Path planFile = dir.resolve("results").resolve("mine").resolve(RunPlan.FILE_NAME);
        Files.createDirectories(planFile.getParent());
        old.write(planFile);
        String before = Files.readString(planFile);
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("reproduce", "--out", dir.resolve("results").toString(),
                "--run-id", "mine", "--max-steps", "4"));
        assertTrue(stderr.contains("holds a different plan"), stderr);
        assertEquals(before, Files.readString(planFile));
    }

    @Test
    void trainAndReportNameTheMissingFile() {
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("train", "--plan", dir.resolve("plan.yaml").toString(),
                "--cell", "0"));
        assertTrue(stderr.contains("does not exist"), stderr);
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("report", dir.resolve("nothing").toString()));
        assertTrue(stderr.contains("does not exist"), stderr);
    }

    @Test
    void aReportOfSeveralRunsNeedsItsOwnFolder() {
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("report", dir.resolve("a").toString(),
                dir.resolve("b").toString()));
        assertTrue(stderr.contains("pass --out DIR"), stderr);
    }

    @Test
    void aReportNamesAScalingRunItCannotRead() throws IOException {
        Path run = dir.resolve("run");
        ResultsCsv.write(run.resolve("results.csv"), List.of());
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("report", run.toString(), "--out", dir.resolve("r").toString(),
                "--scaling", dir.resolve("no-such-scaling").toString()));
        assertTrue(stderr.contains("--scaling") && stderr.contains("scaling.csv"), stderr);
        assertFalse(Files.exists(dir.resolve("r")), "no report written");
    }

    /** The smoke profile's ListOps cells on the cpu, written to {@code planFile}. */
    private static RunPlan writeSmokeListOpsPlan(Path planFile) throws IOException {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 1);
        RunPlan plan = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(List.of("listops"), null, null, "cpu", null, null, null, null, null, null));
        plan.write(planFile);
        return plan;
    }

    @Test
    void trainRefusesACellOutsideThePlan() throws IOException {
        Path planFile = dir.resolve(RunPlan.FILE_NAME);
        RunPlan plan = writeSmokeListOpsPlan(planFile);
        int outside = plan.cells().size();
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("train", "--plan", planFile.toString(), "--cell", "" + outside));
        assertTrue(stderr.contains("Cell " + outside + " is not in the plan"), stderr);
    }

    @Test
    void trainRefusesAGpuCellOnACpuEngine() throws IOException {
        Path planFile = dir.resolve(RunPlan.FILE_NAME);
        writeSmokeListOpsPlan(planFile);
        String yaml = Files.readString(planFile);
        assertTrue(yaml.contains("device: \"cpu\"") || yaml.contains("device: cpu"), yaml);
        Files.writeString(planFile, yaml.replace("device: \"cpu\"", "device: \"gpu\"").replace("device: cpu",
                "device: gpu"));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, run("train", "--plan", planFile.toString(), "--cell", "0"));
        assertTrue(stderr.contains("is planned for the gpu but the engine runs on cpu()"), stderr);
    }

    @Test
    void scalingReportsAnUnknownPresetAsBadInputLikeEveryCommand() throws IOException {
        assertBadInput(run("scaling", "--preset", "fast", "--out", dir.resolve("results").toString()), stderr,
                "fmmbench scaling: Unknown --preset 'fast': use one of efficiency.", dir);
    }

    @Test
    void scalingRefusesABatchBelowOneNamingTheOption() throws IOException {
        assertBadInput(run("scaling", "--quick", "--batch", "0", "--out", dir.resolve("results").toString()), stderr,
                "fmmbench scaling: --batch must be at least 1, got 0.", dir);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("reproduce", "train", "report", "variants", "tasks", "doctor", "reference",
                "scaling", "compare")) {
            assertEquals(0, run(command, "--help"), command);
        }
    }
}
