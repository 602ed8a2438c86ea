package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.image.ImageTaskProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every task of every built-in profile opens the data this machine has offline (generated ListOps and Pathfinder,
 * Fashion-MNIST, Europarl), with the profile's own sequence lengths. The splits are capped so that the test
 * generates little; the checks that failed cells of the paper profile here (an image length of 1024 against
 * Fashion-MNIST's 784 pixels) do not depend on the split sizes.
 */
class ProfileDataTest {

    @TempDir
    Path cache;

    /** Small splits for every task; the LM refuses a training cap (it reads its stream for train.steps steps). */
    private static Map<String, String> smallSplits(String profile) {
        Map<String, String> set = new java.util.HashMap<>(Map.of("data.maxVal", "8", "data.maxTest", "8"));
        for (var task : ProfileLoader.load(profile).tasks()) {
            if (!task.task().equals("lm")) {
                set.put(task.task() + ".data.maxTrain", "16");
            }
        }
        return set;
    }

    @Test
    void everyTaskOfEveryBuiltInProfileOpensTheOfflineData() {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 2);
        EngineCellTraining training = new EngineCellTraining(null, cache);
        for (String name : ProfileLoader.BUILT_IN) {
            RunPlan plan = planner.plan(ProfileLoader.load(name, smallSplits(name)), new PlanRequest(null, null, 1, "cpu", 1,
                    null, null, cache, null, "t"));
            Map<String, CellConfig> firstCellOfEachTask = new LinkedHashMap<>();
            plan.cells().forEach(c -> firstCellOfEachTask.putIfAbsent(c.config().task(), c.config()));
            // 5 LRA tasks and lm; smoke adds its two separating tasks
            assertEquals(name.equals("smoke") ? 8 : 6, firstCellOfEachTask.size(), name);
            for (CellConfig cell : firstCellOfEachTask.values()) {
                if (cell.task().equals("lm") && cell.data().source().equals("wikitext-103")) {
                    // the paper's LM corpus is not offline: the cell is skipped with a message naming --data-dir
                    assertThrows(MissingDataException.class, () -> training.prepareData(cell), name);
                } else if (cell.task().equals("image") && !Files.isDirectory(ImageTaskProvider.DEBIAN_FASHION)) {
                    // a fresh machine without Debian's dataset-fashion-mnist: the image cells are skipped, and the
                    // message names the package that fixes it
                    MissingDataException e = assertThrows(MissingDataException.class,
                            () -> training.prepareData(cell), name);
                    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
                } else {
                    training.prepareData(cell);
                }
            }
        }
    }
}
