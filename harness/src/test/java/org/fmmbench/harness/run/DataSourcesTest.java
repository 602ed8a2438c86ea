package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aDataDirWithoutATasksFilesNamesWhereItLookedAndTheStandInUsed() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/listops"));
        Files.writeString(data.resolve("basic_train.tsv"), "Source\tTarget\n"); // wrong layout: no val/test
        List<DataSources> sources = DataSources.of(plan(dir.resolve("data"), Map.of()), false);
        DataSources listops = sources.stream().filter(s -> s.task().equals("listops")).findFirst().orElseThrow();
        assertFalse(listops.real());
        assertEquals("listops-generated", listops.source());
        String warning = listops.warning().orElseThrow();
        assertTrue(warning.contains(dir.resolve("data/listops-1000").toString()) && warning.contains("basic_test.tsv")
                && warning.contains("stand-in listops-generated"), warning);
        assertTrue(DataSources.missingRequired(sources).isEmpty(), "not required, so not an error");
        assertTrue(DataSources.missingRequired(DataSources.of(plan(dir.resolve("data"), Map.of()), true)).isPresent());
    }

    @Test
    void realFilesFoundAreNamedAsTheSource() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/listops-1000"));
        for (String f : List.of("basic_train.tsv", "basic_val.tsv", "basic_test.tsv")) {
            Files.writeString(data.resolve(f), "Source\tTarget\n");
        }
        DataSources listops = DataSources.of(plan(dir.resolve("data"), Map.of("data.requireRealData", "true")), false)
                .stream().filter(s -> s.task().equals("listops")).findFirst().orElseThrow();
        assertTrue(listops.real() && listops.required());
        assertEquals("listops-lra-files", listops.source());
        assertTrue(listops.warning().isEmpty());
    }

    private static RunPlan plan(Path dataDir, Map<String, String> overrides) {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 2);
        return planner.plan(ProfileLoader.load("smoke", overrides),
                new PlanRequest(List.of("listops", "text"), null, null, "cpu", null, 3, dataDir, dataDir, null, "x"));
    }
}
