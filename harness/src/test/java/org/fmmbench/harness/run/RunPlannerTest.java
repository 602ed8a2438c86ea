package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlannerTest {
    private final RunPlanner planner = new RunPlanner(
            new RegistryCellValidator(VariantRegistry.load(), TaskRegistry.providers().keySet()), 2);

    private static PlanRequest request() {
        return new PlanRequest(null, null, null, "cpu", null, null, null, null, null, null);
    }

    @Test
    void everyCellOfEveryBuiltInProfileBuildsItsAttentionVariant() {
        for (String name : ProfileLoader.BUILT_IN) {
            RunPlan plan = planner.plan(ProfileLoader.load(name), request());
            long rows = plan.cells().stream().map(c -> c.config().task() + "/" + c.config().row()).distinct().count();
            int separating = name.equals("smoke") ? 2 * 5 : 0;
            assertEquals(5 * 6 + 11 + separating, rows, name + ": 5 LRA tasks x 6 rows (the paper's 5 and none), "
                    + "11 LM rows, and in smoke 2 separating tasks x 5 rows");
        }
    }

    @Test
    void cpuProfileRunsThreeSeedsOfListOpsAndLanguageModellingAndOneOfTheRest() {
        RunPlan plan = planner.plan(ProfileLoader.load("cpu"), request());
        for (String task : List.of("listops", "text", "retrieval", "image", "pathfinder", "lm")) {
            long seeds = plan.cells().stream().filter(c -> c.config().task().equals(task))
                    .mapToLong(c -> c.config().seed()).distinct().count();
            assertEquals(task.equals("listops") || task.equals("lm") ? 3 : 1, seeds, task);
        }
        RunPlan two = planner.plan(ProfileLoader.load("cpu"),
                new PlanRequest(List.of("listops", "text"), null, 2, "cpu", 1, null, null, null, null, null));
        assertEquals(2 * 12, two.cells().size(), "--seeds replaces every task's seeds");
    }

    @Test
    void matrixIsTasksThenRowsThenSeedsWithStableIdsAndHashes() {
        RunPlan plan = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(List.of("text", "listops"), null, 2, "cpu", 1, null, null, null, null, null));
        assertEquals(24, plan.cells().size());
        PlannedCell first = plan.cell(0);
        assertEquals("000-listops-softmax-s0", first.id());
        assertEquals("001-listops-softmax-s1", plan.cell(1).id());
        assertEquals("text", plan.cell(12).config().task());
        assertEquals(1, first.config().threads());
        assertEquals(ConfigHash.of(first.config()), first.configHash());
        assertEquals(64, first.configHash().length());
        RunPlan again = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(List.of("listops", "text"), null, 2, "cpu", 1, null, null, null, null, null));
        assertEquals(plan.runId(), again.runId());
        assertTrue(plan.runId().startsWith("smoke-"), plan.runId());
    }

    @Test
    void theRunIdChangesWithTheCellsButNotWithPaths() {
        RunPlan base = planner.plan(ProfileLoader.load("smoke"), request());
        RunPlan fewerSteps = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(null, null, null, "cpu", null, 5, null, null, null, null));
        RunPlan otherCache = planner.plan(ProfileLoader.load("smoke"),
                new PlanRequest(null, null, null, "cpu", null, null, null, Path.of("/elsewhere"), null, null));
        assertNotEquals(base.runId(), fewerSteps.runId());
        assertEquals(base.runId(), otherCache.runId());
    }

    @Test
    void variantsReplaceThePaperRowsAndAreNamedBySpec() {
        RunPlan plan = planner.plan(ProfileLoader.load("smoke"), new PlanRequest(List.of("listops"),
                "band:k=3,fmm:k=5,kernels=elu,blend=mix,softmax", null, "cpu", null, null, null, null, null, null));
        assertEquals(List.of("band:k=3", "fmm:k=5,kernels=elu,blend=mix", "softmax"),
                plan.cells().stream().map(c -> c.config().row()).toList());
        assertEquals("001-listops-fmm_k_5_kernels_elu_blend_mix-s0", plan.cell(1).id());
    }

    @Test
    void badVariantsAndTasksAreRejectedWithTheRegistrysMessage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> planner.plan(ProfileLoader.load("smoke"),
                        new PlanRequest(null, "nope", null, "cpu", null, null, null, null, null, null)));
        assertTrue(unknown.getMessage().contains("Unknown attention variant 'nope'"), unknown.getMessage());
        IllegalArgumentException badParam = assertThrows(IllegalArgumentException.class,
                () -> planner.plan(ProfileLoader.load("smoke"),
                        new PlanRequest(null, "band:width=3", null, "cpu", null, null, null, null, null, null)));
        assertTrue(badParam.getMessage().contains("width"), badParam.getMessage());
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
                () -> planner.plan(ProfileLoader.load("smoke"),
                        new PlanRequest(List.of("cifar"), null, null, "cpu", null, null, null, null, null, null)));
        assertTrue(task.getMessage().contains("listops, text, retrieval, image, pathfinder"), task.getMessage());
    }

    @Test
    void maxStepsShrinksWarmupInProportionAndCapsEvaluation() {
        TrainConfig t = new TrainConfig(32, 5000, 1000, 1e-4, 0, 50, 62, 0);
        TrainConfig capped = RunPlanner.capSteps(t, 100);
        assertEquals(100, capped.steps());
        assertEquals(20, capped.warmupSteps());
        assertEquals(50, capped.evalEvery());
        assertEquals(10, RunPlanner.capSteps(t, 10).evalEvery());
    }

    @Test
    void aGpuIsRefusedWithoutACudaLibtorch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Devices.resolve("gpu", java.util.Map.of()));
        assertTrue(e.getMessage().contains("--device cpu"), e.getMessage());
        assertEquals("cpu", Devices.resolve("auto", java.util.Map.of()));
        assertEquals("gpu", Devices.resolve("auto", java.util.Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch",
                "PYTORCH_FLAVOR", "cu128")));
    }

    @Test
    void planSurvivesAWriteAndReadUnchanged(@TempDir Path dir) throws Exception {
        RunPlan plan = planner.plan(ProfileLoader.load("paper"), request());
        Path file = dir.resolve(RunPlan.FILE_NAME);
        plan.write(file);
        RunPlan read = RunPlan.read(file);
        assertEquals(plan, read);
        assertEquals(plan.fingerprint(), read.fingerprint());
    }

    @Test
    void aPlanWrittenBeforePositionsAndEvalModeExistedReadsBackWithThePapersDefaults(@TempDir Path dir)
            throws Exception {
        RunPlan plan = planner.plan(ProfileLoader.load("smoke"), new PlanRequest(List.of("lm"), "linear", null,
                "cpu", null, null, null, null, null, null));
        Path file = dir.resolve(RunPlan.FILE_NAME);
        plan.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("positions:") && text.contains("evalMode:"), text);
        Files.writeString(file, text.replaceAll("(?m)^ *(positions|evalMode): .*\n", ""));
        CellConfig old = RunPlan.read(file).cell(0).config();
        assertEquals("window", old.model().positions());
        assertEquals("windowed", old.train().evalMode());
        assertEquals(plan.cell(0).config(), old);
    }
}
