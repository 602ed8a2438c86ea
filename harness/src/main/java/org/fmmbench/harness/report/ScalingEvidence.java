package org.fmmbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fmmbench.harness.scaling.ScalingCsv;
import org.fmmbench.harness.scaling.ScalingTargets;
import org.fmmbench.harness.scaling.TimeBasis;

/**
 * Finds the scaling run that answers the claim about N for a training run: the run's own {@code scaling.csv}, else
 * one in a run directory beside it or under {@code reference/} beside it; among several, the newest that measured
 * the N range of the claim, else the newest.
 */
final class ScalingEvidence {
    private ScalingEvidence() {
    }

    /** The {@code scaling.csv} to use, or {@code null} when there is none. */
    static Path find(Path runDir) throws IOException {
        Path own = runDir.resolve(ScalingCsv.FILE_NAME);
        if (Files.isRegularFile(own)) {
            return own;
        }
        Path parent = runDir.toAbsolutePath().getParent();
        if (parent == null) {
            return null;
        }
        List<Path> candidates = new ArrayList<>(csvsIn(parent));
        candidates.addAll(csvsIn(parent.resolve("reference")));
        candidates.sort(Comparator.comparingLong(ScalingEvidence::modified).reversed());
        for (Path csv : candidates) {
            if (measured(csv)) {
                return csv;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static List<Path> csvsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.map(r -> r.resolve(ScalingCsv.FILE_NAME)).filter(Files::isRegularFile).toList();
        }
    }

    private static boolean measured(Path csv) {
        try {
            return ScalingTargets.fmmLinearInN(ScalingCsv.read(csv), TimeBasis.CPU).stream()
                    .allMatch(t -> t.verdict() != ScalingTargets.Verdict.NOT_MEASURED);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
