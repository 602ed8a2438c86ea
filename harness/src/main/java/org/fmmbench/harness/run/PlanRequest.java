package org.fmmbench.harness.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the user asked for on top of a profile; {@code null} fields keep the profile's choice.
 *
 * @param tasks subset of the profile's tasks, in the profile's order
 * @param variants comma-separated variant specs replacing the profile's rows
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param maxSteps caps training steps of every cell (warm-up shrinks in proportion)
 * @param runId explicit run id; otherwise derived from the profile and the plan
 */
public record PlanRequest(List<String> tasks, String variants, Integer seeds, String device, Integer threads,
        Integer maxSteps, Path dataDir, Path cacheDir, Duration cellTimeout, String runId) {
}
