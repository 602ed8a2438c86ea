package org.fmmbench.tasks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** The committed fixture files under {@code src/test/resources/fixtures}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + relative), relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TaskOptions options(Path dataDir, Path cacheDir, String source) {
        return new TaskOptions(dataDir, cacheDir, source, 0, 0L, 0, 0, 0, "pad");
    }

    /** Copies a fixture directory so a test may break it. */
    public static Path copy(String relative, Path to) throws java.io.IOException {
        Path from = path(relative);
        try (var all = java.nio.file.Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
