package org.fmmbench.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The paper's data of a task: its source name and the files that must be present, looked for in these
 * directories under {@code --data-dir}. Lets a run say, before anything starts, which cells will use a stand-in.
 */
public record RealData(String source, List<String> dirs, List<String> files) {

    /** The directory holding the real files, if {@code dataDir} has them (generated copies do not count). */
    public Optional<Path> find(Path dataDir) {
        return DataFiles.findDir(dataDir, dirs, files)
                .filter(dir -> !Files.exists(dir.resolve(DataFiles.GENERATED_MARKER)));
    }

    /** Where {@link #find} looked, for a message. */
    public String looked(Path dataDir) {
        return DataFiles.looked(dataDir, dirs) + " for " + String.join(", ", files);
    }
}
