package org.fmmbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fmmbench.tasks.listops.ListOpsGenerator;
import org.fmmbench.tasks.pathfinder.PathfinderDatasetWriter;
import org.fmmbench.tasks.pathfinder.PathfinderParams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tasks generate listops|pathfinder}: writes a generated data set in LRA's own file layout. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a generated data set in LRA's file layout, e.g. to train at the paper's sizes from "
                + "files, or to compare with LRA's own generator; pass the folder to reproduce --data-dir.",
                "Cells never need this: they generate their offline stand-ins into the cache themselves."},
        subcommands = {TasksGenerateCommand.ListOps.class, TasksGenerateCommand.Pathfinder.class})
final class TasksGenerateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing data set: use listops or pathfinder.");
    }

    @Command(name = "listops", mixinStandardHelpOptions = true,
            description = "Writes basic_train.tsv, basic_val.tsv and basic_test.tsv in LRA's format, with LRA's "
                    + "generator settings (depth 10, up to 10 arguments, lengths 500-2000 tokens).")
    static final class ListOps implements Callable<Integer> {
        @Mixin
        Destination destination;

        @Option(names = "--train", paramLabel = "N", defaultValue = "96000",
                description = "Training examples (default: ${DEFAULT-VALUE}, LRA's).")
        int train;

        @Option(names = "--val", paramLabel = "N", defaultValue = "2000",
                description = "Validation examples (default: ${DEFAULT-VALUE}).")
        int val;

        @Option(names = "--test", paramLabel = "N", defaultValue = "2000",
                description = "Test examples (default: ${DEFAULT-VALUE}).")
        int test;

        @Override
        public Integer call() throws IOException {
            BadInputException.requireAtLeast("--train", train, 1);
            BadInputException.requireAtLeast("--val", val, 1);
            BadInputException.requireAtLeast("--test", test, 1);
            long start = System.nanoTime();
            ListOpsGenerator.writeDataset(destination.folder(), ListOpsGenerator.Config.lra(), destination.seed.value,
                    train, val, test);
            destination.wrote(start);
            return 0;
        }
    }

    @Command(name = "pathfinder", mixinStandardHelpOptions = true,
            description = "Writes imgs/<batch>/sample_<i>.png and metadata/<batch>.npy in LRA's layout (32x32); "
                    + "rerunning resumes: finished batches of 1000 images are kept.")
    static final class Pathfinder implements Callable<Integer> {
        @Mixin
        Destination destination;

        @Option(names = "--images", paramLabel = "N", defaultValue = "200000",
                description = "Images, a multiple of " + PathfinderDatasetWriter.BATCH + " (default: ${DEFAULT-VALUE}, LRA's).")
        int images;

        @Option(names = "--contour-length", paramLabel = "L", defaultValue = "14",
                description = "Dashes per path: 6, 9 or 14 in LRA (default: ${DEFAULT-VALUE}, the hardest).")
        int contourLength;

        @Option(names = "--threads", paramLabel = "N", description = "Threads drawing images (default: every core).")
        Integer threads;

        @Override
        public Integer call() throws IOException {
            BadInputException.requireAtLeast("--images", images, PathfinderDatasetWriter.BATCH);
            if (images % PathfinderDatasetWriter.BATCH != 0) {
                throw new BadInputException("--images must be a multiple of " + PathfinderDatasetWriter.BATCH
                        + ", got " + images + ".");
            }
            PathfinderParams params;
            try {
                params = PathfinderParams.pathfinder32(contourLength);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--contour-length: " + e.getMessage() + ".", e);
            }
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            BadInputException.requireAtLeast("--threads", workers, 1);
            long start = System.nanoTime();
            PathfinderDatasetWriter.ensure(destination.folder(), params, destination.seed.value,
                    images / PathfinderDatasetWriter.BATCH, workers);
            destination.wrote(start);
            return 0;
        }
    }

    /** Where a generator writes, and its seed. */
    static final class Destination {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Mixin
        SeedOption seed;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec generator;

        /** {@code --out}, created if missing; a file there is bad input and is left alone. */
        Path folder() throws IOException {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new BadInputException("--out " + out + " is a file: pass a folder (it is created if missing).");
            }
            return Files.createDirectories(out);
        }

        void wrote(long start) {
            PrintWriter console = generator.commandLine().getOut();
            console.printf("wrote %s in %.1f s%n", out, (System.nanoTime() - start) / 1e9);
            console.flush();
        }
    }
}
