package org.fmmbench.harness.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.profile.TaskProfile;
import org.fmmbench.harness.train.CellTrainer;
import org.fmmbench.tasks.DataSummary;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.TaskRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = {"Lists the tasks and their data sources (preferred first), and checks which source each "
                + "task would use now by opening it as a cell of the profile would.",
                "Opening a task may prepare its data: offline stand-ins are generated into the cache, real files "
                        + "are tokenised into it (once; later runs reuse the cache).",
                "Subcommands: generate (write ListOps or Pathfinder in LRA's layout), summary (one task's sizes "
                        + "and label histograms), europarl-languages."},
        subcommands = {TasksGenerateCommand.class, TasksSummaryCommand.class, EuroparlLanguagesCommand.class})
final class TasksCommand implements Callable<Integer> {
    @Mixin
    DataDirOptions data;

    @Mixin
    ProfileOption profile;

    @Option(names = "--no-check", description = "Only list tasks and sources; open nothing.")
    boolean noCheck;

    @Override
    public Integer call() {
        Path dataDir = data.checkedDataDir();
        Profile p = profile.load(Map.of());
        Path cache = data.cacheDir();
        Map<String, TaskProvider> providers = TaskRegistry.providers();
        for (TaskProvider provider : providers.values()) {
            System.out.println(provider.name() + "  sources: " + String.join(", ", provider.sources()));
            if (noCheck) {
                continue;
            }
            System.out.println("    " + check(provider.name(), p, dataDir, cache));
        }
        return 0;
    }

    private static String sizes(Task t) {
        return java.util.Arrays.stream(SplitName.values()).map(s -> s.label() + " " + t.split(s).size())
                .collect(java.util.stream.Collectors.joining(" / ")) + " examples";
    }

    private static String check(String task, Profile p, Path dataDir, Path cache) {
        if (!p.taskNames().contains(task)) {
            return "not in profile " + p.name();
        }
        TaskProfile tp = p.task(task);
        TaskOptions options = CellTrainer.options(tp.data(), dataDir, cache, 0L);
        try (Task t = TaskRegistry.open(task, options)) {
            TaskInfo info = t.info();
            DataSummary data = DataSummary.of(t);
            return "present: " + info.dataSource() + ", content/padded length " + t.contentLength()
                    + "/" + info.seqLength() + " tokens x " + info.documents() + " document(s), " + info.numClasses()
                    + " classes, " + sizes(t) + System.lineSeparator() + "    " + data.describe();
        } catch (MissingDataException e) {
            return "missing: " + e.getMessage();
        } catch (RuntimeException e) {
            return "cannot open: " + e.getMessage();
        }
    }
}
