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
 * @param pixelZero for image tasks: {@code pad} (pixel 0 is padding, the official behaviour), {@code shift}
 *     (tokens are pixel + 1 so black pixels are real tokens) or {@code auto} (pad on CIFAR-10, whose pixels are
 *     almost never 0; shift on Fashion-MNIST, where half of all pixels are 0)
 * @param contentLength tokens of content kept per document before padding to {@code seqLength} (0 = all of
 *     {@code seqLength}, or the paper's content length when {@code seqLength} is 0); e.g. 1000 of 1024 for Text
 * @param truncate whether a task whose label depends on the whole input (ListOps) may be cut to fit; without it,
 *     real files with longer examples are refused
 */
public record TaskOptions(Path dataDir, Path cacheDir, String source, int seqLength, long seed,
        int maxTrain, int maxVal, int maxTest, String pixelZero, int contentLength, boolean truncate) {

    /** Options that keep all of {@code seqLength} as content and never cut a whole-input task. */
    public TaskOptions(Path dataDir, Path cacheDir, String source, int seqLength, long seed,
            int maxTrain, int maxVal, int maxTest, String pixelZero) {
        this(dataDir, cacheDir, source, seqLength, seed, maxTrain, maxVal, maxTest, pixelZero, 0, false);
    }

    public static TaskOptions defaults(Path cacheDir) {
        return new TaskOptions(null, cacheDir, "auto", 0, 0L, 0, 0, 0, "auto");
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
