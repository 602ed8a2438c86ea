package org.fmmbench.tasks;

import java.nio.file.Path;

/**
 * How to open a task.
 *
 * @param dataDir root of the user's real data (LRA release, aclImdb, CIFAR-10 ...), or {@code null} for none
 * @param cacheDir where generated and unpacked data go; never inside the repository
 * @param source {@code auto} (real files if present, else the offline source) or an explicit source name
 * @param seqLength tokens per document, or 0 for the task's paper length
 * @param seed seeds generators and stand-in splits
 * @param maxTrain at most this many training examples (0 = all); likewise {@code maxVal}, {@code maxTest}
 * @param pixelZero for image tasks: {@code pad} (pixel 0 is padding, the official behaviour) or
 *     {@code shift} (tokens are pixel + 1 so black pixels are real tokens)
 */
public record TaskOptions(Path dataDir, Path cacheDir, String source, int seqLength, long seed,
        int maxTrain, int maxVal, int maxTest, String pixelZero) {

    public static TaskOptions defaults(Path cacheDir) {
        return new TaskOptions(null, cacheDir, "auto", 0, 0L, 0, 0, 0, "pad");
    }

    /** The default cache: {@code $FMMBENCH_CACHE}, else {@code ~/.cache/fmmbench}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("FMMBENCH_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "fmmbench");
    }
}
