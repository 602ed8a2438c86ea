package org.fmmbench.harness.cli;

import java.nio.file.Path;
import org.fmmbench.harness.results.RunDirectory;
import picocli.CommandLine.Option;

/**
 * {@code --out}: the folder the run directories of {@code reproduce}, {@code scaling} and {@code attention-maps} go
 * in. Each command names its run itself ({@code --run-id}), because each derives the default name from what it runs.
 */
final class ResultsDirOption {
    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "Parent of run directories (default: ${DEFAULT-VALUE}); the run is <DIR>/<run-id>.")
    Path dir;

    /** @throws BadInputException when {@code runId} cannot name a directory directly under {@code --out} */
    Path runDir(String runId) {
        return BadInputException.ifRejected(() -> RunDirectory.under(dir, runId));
    }
}
