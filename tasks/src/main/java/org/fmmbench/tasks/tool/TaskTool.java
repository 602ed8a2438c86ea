package org.fmmbench.tasks.tool;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskRegistry;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlLanguage;
import org.fmmbench.tasks.listops.ListOpsGenerator;
import org.fmmbench.tasks.pathfinder.PathfinderDatasetWriter;
import org.fmmbench.tasks.pathfinder.PathfinderParams;

/**
 * Command-line access to the data layer until the harness exposes {@code ./fmmbench tasks}:
 * generating ListOps and Pathfinder in LRA's formats, and summarising any task (sizes, label histograms).
 * Kept free of a CLI library on purpose: the tasks module has no dependencies; the harness's picocli
 * command will call the same classes.
 *
 * <pre>
 *   listops   --out DIR [--seed 0] [--train 96000] [--val 2000] [--test 2000]
 *   pathfinder --out DIR [--seed 0] [--images 200000] [--contour-length 14] [--threads N]
 *   summary   TASK [--data-dir DIR] [--cache-dir DIR] [--source auto] [--seed 0] [--max-train 0] ...
 *   europarl  (language histogram of the Europarl stand-in)
 * </pre>
 */
public final class TaskTool {
    private static final String USAGE = String.join("\n",
            "usage: TaskTool COMMAND [options]",
            "  listops    --out DIR [--seed 0] [--train 96000] [--val 2000] [--test 2000]",
            "             write basic_{train,val,test}.tsv in LRA's format",
            "  pathfinder --out DIR [--seed 0] [--images 200000] [--contour-length 14] [--threads N]",
            "             write imgs/<batch>/sample_<i>.png + metadata/<batch>.npy in LRA's layout (resumable)",
            "  summary    TASK [--data-dir DIR] [--cache-dir DIR] [--source auto] [--seed 0] [--seq-length 0]",
            "             [--max-train 0] [--max-val 0] [--max-test 0] [--pixel-zero pad|shift]",
            "             open a task (building its caches) and print its sizes and label histograms",
            "  europarl   print the language histogram of the Europarl stand-in");

    private TaskTool() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException | MissingDataException | MalformedDataException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args, PrintStream out) throws IllegalArgumentException {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command\n" + USAGE);
        }
        switch (args[0]) {
            case "listops" -> {
                Map<String, String> o = options(args, 1, Set.of("out", "seed", "train", "val", "test"));
                Path dir = Path.of(require(o, "out"));
                long t = System.nanoTime();
                try {
                    Files.createDirectories(dir);
                    ListOpsGenerator.writeDataset(dir, ListOpsGenerator.Config.lra(), longOpt(o, "seed", 0),
                            intOpt(o, "train", 96_000), intOpt(o, "val", 2_000), intOpt(o, "test", 2_000));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                out.printf("wrote %s in %.1f s%n", dir, (System.nanoTime() - t) / 1e9);
            }
            case "pathfinder" -> {
                Map<String, String> o = options(args, 1, Set.of("out", "seed", "images", "contour-length", "threads"));
                Path dir = Path.of(require(o, "out"));
                int images = intOpt(o, "images", 200_000);
                if (images % PathfinderDatasetWriter.BATCH != 0) {
                    throw new IllegalArgumentException("--images must be a multiple of " + PathfinderDatasetWriter.BATCH);
                }
                long t = System.nanoTime();
                PathfinderDatasetWriter.ensure(dir, PathfinderParams.pathfinder32(intOpt(o, "contour-length", 14)),
                        longOpt(o, "seed", 0), images / PathfinderDatasetWriter.BATCH,
                        intOpt(o, "threads", Runtime.getRuntime().availableProcessors()));
                out.printf("wrote %s in %.1f s%n", dir, (System.nanoTime() - t) / 1e9);
            }
            case "summary" -> {
                if (args.length < 2 || args[1].startsWith("--")) {
                    throw new IllegalArgumentException("summary needs a task name\n" + USAGE);
                }
                Map<String, String> o = options(args, 2, Set.of("data-dir", "cache-dir", "source", "seed", "seq-length",
                        "max-train", "max-val", "max-test", "pixel-zero"));
                TaskOptions opts = new TaskOptions(o.containsKey("data-dir") ? Path.of(o.get("data-dir")) : null,
                        Path.of(o.getOrDefault("cache-dir", TaskOptions.defaultCacheDir().toString())),
                        o.getOrDefault("source", "auto"), intOpt(o, "seq-length", 0), longOpt(o, "seed", 0),
                        intOpt(o, "max-train", 0), intOpt(o, "max-val", 0), intOpt(o, "max-test", 0),
                        o.getOrDefault("pixel-zero", "pad"));
                long t = System.nanoTime();
                try (Task task = TaskRegistry.open(args[1], opts)) {
                    out.println(task.info());
                    out.printf("opened in %.1f s%n", (System.nanoTime() - t) / 1e9);
                    for (SplitName s : SplitName.values()) {
                        Split split = task.split(s);
                        int[] h = new int[task.info().numClasses()];
                        for (int i = 0; i < split.size(); i++) {
                            h[split.label(i)]++;
                        }
                        out.printf("%-5s %7d examples, labels %s%n", s.label(), split.size(), Arrays.toString(h));
                    }
                }
            }
            case "europarl" -> {
                options(args, 1, Set.of());
                List<EuroparlCorpus.Document> docs = EuroparlCorpus.load();
                int[] h = EuroparlCorpus.histogram(docs);
                long undetected = docs.stream().filter(d -> d.language() < 0).count();
                for (int k = 0; k < h.length; k++) {
                    out.printf("%s %d%n", EuroparlLanguage.CODES.get(k), h[k]);
                }
                out.printf("undetected %d of %d lines%n", undetected, docs.size());
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + USAGE);
        }
    }

    private static Map<String, String> options(String[] args, int from, Set<String> allowed) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = from; i < args.length; i += 2) {
            String k = args[i];
            if (!k.startsWith("--") || !allowed.contains(k.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + k + "'; allowed: "
                        + allowed.stream().sorted().map(a -> "--" + a).toList() + "\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + k + " needs a value");
            }
            o.put(k.substring(2), args[i + 1]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key + "\n" + USAGE);
        }
        return v;
    }

    private static int intOpt(Map<String, String> o, String key, int def) {
        return (int) longOpt(o, key, def);
    }

    private static long longOpt(Map<String, String> o, String key, long def) {
        String v = o.get(key);
        try {
            return v == null ? def : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'");
        }
    }
}
