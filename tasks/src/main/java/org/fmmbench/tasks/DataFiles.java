package org.fmmbench.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the task providers: finding a task's directory and naming its cache. */
public final class DataFiles {
    /**
     * Written next to generated data, so that generated files read back through --data-dir are still
     * recorded under the generated source's name, never as the LRA release.
     */
    public static final String GENERATED_MARKER = "GENERATED-BY-FMMBENCH.txt";

    private DataFiles() {
    }

    /** Writes the marker with a line describing how the data was made. */
    public static void markGenerated(Path dir, String description) throws IOException {
        Files.writeString(dir.resolve(GENERATED_MARKER), description + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** The first candidate directory (relative to dataDir, "" = dataDir itself) that holds all the given files. */
    public static Optional<Path> findDir(Path dataDir, List<String> candidates, List<String> required) {
        if (dataDir == null) {
            return Optional.empty();
        }
        for (String c : candidates) {
            Path dir = c.isEmpty() ? dataDir : dataDir.resolve(c);
            if (required.stream().allMatch(f -> Files.exists(dir.resolve(f)))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The places {@link #findDir} looked, for a "not found" message. */
    public static String looked(Path dataDir, List<String> candidates) {
        if (dataDir == null) {
            return "no data directory was given (set --data-dir)";
        }
        return "looked in " + String.join(", ", candidates.stream()
                .map(c -> (c.isEmpty() ? dataDir : dataDir.resolve(c)).toString()).toList());
    }

    /**
     * A short key for cache names that changes when the source files change (path, size and modification
     * time), so a replaced data set is never served from an old cache.
     */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                String s = String.valueOf(p);
                if (p instanceof Path path && Files.exists(path)) {
                    s = path.toAbsolutePath().normalize() + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis();
                }
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rejects a source name the task does not know, listing the ones it does. */
    public static void checkSource(String task, String source, List<String> known) {
        if (!source.equals("auto") && !known.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "' for task " + task
                    + "; known: auto, " + String.join(", ", known));
        }
    }
}
