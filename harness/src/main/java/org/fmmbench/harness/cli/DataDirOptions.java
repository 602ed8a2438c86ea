package org.fmmbench.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fmmbench.tasks.TaskOptions;
import picocli.CommandLine.Option;

/** Where the real data and the data cache are: the options of {@code reproduce}, {@code tasks} and {@code doctor}. */
final class DataDirOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder with the real LRA data; without it tasks use their offline stand-ins.")
    Path dataDir;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where generated and unpacked data are kept (default: $FMMBENCH_CACHE or ~/.cache/fmmbench).")
    Path cacheDir;

    /** @throws BadInputException when {@code --data-dir} is given and is not a directory */
    Path checkedDataDir() {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new BadInputException("--data-dir " + dataDir + " is not a directory: pass the folder holding "
                    + "your LRA data, or leave the option out to use the offline stand-ins.");
        }
        return dataDir;
    }

    Path cacheDir() {
        return cacheDir != null ? cacheDir : TaskOptions.defaultCacheDir();
    }
}
