package org.fmmbench.harness.slurm;

import static org.fmmbench.harness.slurm.FakeSlurm.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.CellOutcomes;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.FakeCellMain;
import org.fmmbench.harness.run.JvmChildCommand;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmSubmitterTest {
    @TempDir
    Path runDir;

    @TempDir
    Path bin;

    private final FakeSlurm slurm = new FakeSlurm();

    private static SlurmOptions options(Integer parallel, List<String> extra) {
        return new SlurmOptions(null, parallel, 1, null, Duration.ofMinutes(10), 0, extra);
    }

    private Submission submit(RunPlan plan, SlurmOptions options, boolean all) throws Exception {
        plan.write(runDir.resolve(RunPlan.FILE_NAME));
        return new SlurmSubmitter(slurm, FakeSlurm.environment(bin), new JvmChildCommand(FakeCellMain.class.getName()))
                .submit(plan, runDir, runDir.resolve("report"), options, all);
    }

    private void writeResult(RunPlan plan, int index, CellStatus status) throws Exception {
        var cell = plan.cell(index);
        CellRunner.writeResult(CellRunner.cellDir(runDir, cell), CellOutcomes.of(plan.runId(), cell, status, "",
                null, Provenance.probe(null), null, null, null));
    }

    @Test
    void preparationJobsPerTaskAndSeedComeFirstThenTheArrayAfterThemThenTheReportAfterTheArray() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "listops:0", "text:0", "listops:1", "text:0"));
        Submission s = submit(plan, options(2, List.of("--account=proj42")), false);

        List<List<String>> calls = slurm.sbatchCalls();
        assertEquals(5, calls.size(), "3 preparations, the array, the report: " + calls);
        for (int i = 0; i < 3; i++) {
            List<String> prep = calls.get(i);
            assertEquals("fmmbench-r-prepare", option(prep, "--job-name"));
            assertTrue(prep.get(prep.size() - 2).endsWith("prepare.sh"), prep.toString());
            assertEquals("--account=proj42", prep.get(prep.size() - 3), "the user's options come before the script");
        }
        assertEquals(List.of("0", "2", "3"), calls.subList(0, 3).stream().map(c -> c.get(c.size() - 1)).toList(),
                "each preparation names the first cell of its task and seed");
        List<String> array = calls.get(3);
        assertEquals("0-4%2", option(array, "--array"));
        assertEquals("afterok:100:101:102", option(array, "--dependency"));
        assertEquals("yes", option(array, "--kill-on-invalid-dep"));
        assertTrue(array.contains("--requeue"), array.toString());
        assertTrue(option(array, "--output").endsWith("cell-%a.out"), array.toString());
        assertTrue(array.get(array.size() - 1).endsWith("cells.sh"), array.toString());
        List<String> report = calls.get(4);
        assertEquals("afterany:103", option(report, "--dependency"));
        assertTrue(report.get(report.size() - 1).endsWith("report.sh"), report.toString());

        assertEquals(List.of("100", "101", "102"), s.preparations().stream().map(Submission.Job::id).toList());
        assertEquals("103", s.cells().id());
        assertEquals("104", s.report().id());
        String jobsLog = Files.readString(runDir.resolve("slurm").resolve(SlurmSubmitter.JOBS_LOG));
        assertEquals(5, jobsLog.lines().count(), jobsLog);
        assertTrue(jobsLog.contains("job 103 5 cells: "), jobsLog);
    }

    @Test
    void resourcesGoToTheCellsAndTheGpuOnlyToTheCells() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0"));
        submit(plan, new SlurmOptions("gpu", null, 4, "16G", Duration.ofHours(50), 2, List.of()), false);
        List<String> prep = slurm.sbatchCalls().get(0);
        List<String> array = slurm.sbatchCalls().get(1);
        for (List<String> job : List.of(prep, array)) {
            assertEquals("gpu", option(job, "--partition"));
            assertEquals("4", option(job, "--cpus-per-task"));
            assertEquals("16G", option(job, "--mem"));
            assertEquals("2-02:00:00", option(job, "--time"));
        }
        assertEquals("gpu:2", option(array, "--gres"));
        assertNull(option(prep, "--gres"), "data preparation needs no GPU");
        assertEquals("0", option(array, "--array"));
    }

    @Test
    void submittingAgainRunsOnlyTheCellsThatAreNotOk() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "listops:0", "listops:0", "text:0", "text:0"));
        writeResult(plan, 0, CellStatus.OK);
        writeResult(plan, 1, CellStatus.TIMEOUT);
        writeResult(plan, 3, CellStatus.OK);
        writeResult(plan, 4, CellStatus.OK);

        Submission s = submit(plan, options(null, List.of()), false);
        assertEquals(2, s.cellCount());
        List<List<String>> calls = slurm.sbatchCalls();
        assertEquals(3, calls.size(), "one preparation (listops only), the array, the report: " + calls);
        assertEquals("1", calls.get(0).get(calls.get(0).size() - 1), "prepared for the first cell that runs");
        assertEquals("1-2", option(calls.get(1), "--array"));

        slurm.calls.clear();
        Submission all = submit(plan, options(null, List.of()), true);
        assertEquals(5, all.cellCount(), "--force submits every cell");
        assertEquals("0-4", option(slurm.sbatchCalls().get(2), "--array"));
    }

    @Test
    void nothingIsSubmittedWhenEveryCellIsOk() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "text:0"));
        writeResult(plan, 0, CellStatus.OK);
        writeResult(plan, 1, CellStatus.OK);
        assertTrue(submit(plan, options(null, List.of()), false).isEmpty());
        assertEquals(List.of(), slurm.sbatchCalls());
    }

    @Test
    void aRefusalIsShownVerbatimAndNamesTheJobsAlreadySubmitted() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "text:0"));
        slurm.refuse = "-cells";
        SlurmInputException e = assertThrows(SlurmInputException.class,
                () -> submit(plan, options(null, List.of()), false));
        assertTrue(e.getMessage().contains(FakeSlurm.REFUSAL), e.getMessage());
        assertTrue(e.getMessage().contains("100 (data of listops seed 0), 101 (data of text seed 0)"), e.getMessage());
        assertTrue(e.getMessage().contains("scancel 100 101"), e.getMessage());
        assertEquals(3, slurm.sbatchCalls().size(), "nothing after the refusal");

        slurm.calls.clear();
        slurm.refuse = "-prepare";
        e = assertThrows(SlurmInputException.class, () -> submit(plan, options(null, List.of()), false));
        assertTrue(e.getMessage().contains("nothing was submitted for run r"), e.getMessage());
    }

    @Test
    void jobsOfAnEarlierSubmissionStillQueuedStopTheNextOne() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0"));
        slurm.queue = "77_3|fmmbench-r-cells|RUNNING\n77_4|fmmbench-r-cells|PENDING\n78|fmmbench-r-report|PENDING\n";
        SlurmSubmitter submitter = new SlurmSubmitter(slurm, FakeSlurm.environment(bin),
                new JvmChildCommand(FakeCellMain.class.getName()));
        SlurmInputException e = assertThrows(SlurmInputException.class, () -> submitter.checkNothingQueued(plan));
        assertTrue(e.getMessage().contains("(77_3, 77_4, 78)"), e.getMessage());
        assertEquals(List.of(), slurm.sbatchCalls());
        assertEquals("--name=fmmbench-r-prepare,fmmbench-r-cells,fmmbench-r-report",
                slurm.calls.get(0).stream().filter(a -> a.startsWith("--name=")).findFirst().orElseThrow());
    }

    @Test
    void withoutSbatchOnThePathTheFixIsNamed() {
        SlurmSubmitter submitter = new SlurmSubmitter(slurm, Map.of("PATH", "/nonexistent"),
                new JvmChildCommand(FakeCellMain.class.getName()));
        SlurmInputException e = assertThrows(SlurmInputException.class, submitter::requireClient);
        assertTrue(e.getMessage().startsWith("sbatch is not on the PATH: run on a Slurm login node"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void optionsFmmbenchSetsItselfAreRefusedAsSbatchArgs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> options(null, List.of("--time=1:00:00")));
        assertTrue(e.getMessage().contains("--time-per-cell"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options(null, List.of("-c4")));
        assertEquals(List.of("--qos=long", "--constraint=a&b"),
                options(null, List.of("--qos=long", "--constraint=a&b")).sbatchArgs());
    }

    @Test
    void theCellScriptTrainsTheCellOfItsArrayTaskWithSlurmsCpus() throws Exception {
        RunPlan plan = TestPlans.plan("r", "ok", "ok");
        submit(plan, options(null, List.of()), false);
        Path script = runDir.resolve("slurm").resolve("cells.sh");
        String text = Files.readString(script);
        assertTrue(text.contains("threads=\"${SLURM_CPUS_PER_TASK:-1}\""), text);
        assertTrue(text.contains("-Dai.djl.pytorch.num_threads=\"${threads}\""), text);
        assertTrue(text.contains("export OMP_NUM_THREADS=\"${threads}\""), text);
        assertTrue(text.contains(" train --plan " + runDir.resolve(RunPlan.FILE_NAME)
                + " --cell \"${SLURM_ARRAY_TASK_ID}\" --no-merge"), text);

        Path log = runDir.resolve("cell-1.out");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_CPUS_PER_TASK", "1", "SLURM_JOB_ID", "9"));
        assertEquals(0, pb.start().waitFor(), Files.readString(log));
        assertEquals(List.of(plan.cell(1).id()), Files.readAllLines(runDir.resolve("invocations.log")));
        assertEquals(CellStatus.OK, CellRunner.readResult(CellRunner.cellDir(runDir, plan.cell(1))).status());
        List<String> attempt = SlurmLogs.lastAttempt(log);
        assertTrue(attempt.get(0).startsWith(SlurmScripts.START_MARK + " cell 1: job 9 on "), attempt.get(0));
        assertEquals(0, SlurmLogs.exitCode(attempt));
    }

    @Test
    void aCellScriptStoppedBySlurmWaitsForItsJvmAndLogsItsExitCode() throws Exception {
        RunPlan plan = TestPlans.plan("r", "hang");
        submit(plan, options(null, List.of()), false);
        Path log = runDir.resolve("cell-0.out");
        ProcessBuilder pb = new ProcessBuilder("bash", runDir.resolve("slurm").resolve("cells.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "0");
        Process script = pb.start();
        Path started = runDir.resolve("invocations.log");
        for (int i = 0; i < 300 && Files.notExists(started); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(started), "the cell's JVM started: " + Files.readString(log));
        new ProcessBuilder("kill", "-TERM", Long.toString(script.pid())).start().waitFor();
        assertTrue(script.waitFor(30, TimeUnit.SECONDS), "the script ended after its JVM");
        assertEquals(143, script.exitValue());
        assertEquals(143, SlurmLogs.exitCode(SlurmLogs.lastAttempt(log)), "the JVM's exit code (SIGTERM) is logged");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(runDir.resolve(RunPlan.FILE_NAME).toString())), "no JVM of the cell left behind");
    }

    @Test
    void thePreparationScriptPreparesTheCellNamedByItsArgument() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "text:0"));
        submit(plan, options(null, List.of()), false);
        ProcessBuilder pb = new ProcessBuilder("bash", runDir.resolve("slurm").resolve("prepare.sh").toString(), "1")
                .redirectErrorStream(true).redirectOutput(runDir.resolve("prep.out").toFile());
        assertEquals(0, pb.start().waitFor(), Files.readString(runDir.resolve("prep.out")));
        assertEquals(List.of(plan.cell(1).id()), Files.readAllLines(runDir.resolve("prepared.log"),
                StandardCharsets.UTF_8));
    }
}
