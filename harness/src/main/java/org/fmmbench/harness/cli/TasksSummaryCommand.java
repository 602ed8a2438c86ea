package org.fmmbench.harness.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tasks summary TASK}: opens one task with explicit data options and prints its sizes and label counts. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Opens one task (building its caches, as a cell would) with the data options given here "
                + "rather than a profile's, and prints its TaskInfo, split sizes and label histograms."})
final class TasksSummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TASK", description = "A task name, as 'fmmbench tasks' lists them.")
    String task;

    @Mixin
    DataDirOptions data;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "auto",
            description = "auto (real files if present, else the offline source) or a source name "
                    + "(default: ${DEFAULT-VALUE}).")
    String source;

    @Mixin
    SeedOption seed;

    @Option(names = "--seq-length", paramLabel = "N", defaultValue = "0",
            description = "Tokens per document; 0 = the paper's length (default: ${DEFAULT-VALUE}).")
    int seqLength;

    @Option(names = "--max-train", paramLabel = "N", defaultValue = "0",
            description = "At most N training examples; 0 = all (default: ${DEFAULT-VALUE}).")
    int maxTrain;

    @Option(names = "--max-val", paramLabel = "N", defaultValue = "0", description = "Likewise for validation.")
    int maxVal;

    @Option(names = "--max-test", paramLabel = "N", defaultValue = "0", description = "Likewise for test.")
    int maxTest;

    @Option(names = "--pixel-zero", paramLabel = "pad|shift|auto", defaultValue = "pad",
            description = "Image tasks: whether pixel 0 is padding (default: ${DEFAULT-VALUE}; see docs/tasks.md).")
    String pixelZero;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TaskOptions options = new TaskOptions(data.checkedDataDir(), data.cacheDir(), source, seqLength, seed.value,
                maxTrain, maxVal, maxTest, pixelZero);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try (Task t = TaskRegistry.open(task, options)) {
            out.println(t.info());
            out.printf("opened in %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (SplitName s : SplitName.values()) {
                Split split = t.split(s);
                out.printf("%-5s %7d examples, labels %s%n", s.label(), split.size(),
                        Arrays.toString(labelCounts(split, t.info().numClasses())));
            }
        } catch (IllegalArgumentException | MissingDataException | MalformedDataException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.flush();
        return 0;
    }

    private static int[] labelCounts(Split split, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < split.size(); i++) {
            counts[split.label(i)]++;
        }
        return counts;
    }
}
