package org.fmmbench.harness.cli;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.run.CheckpointPolicy;
import picocli.CommandLine.Option;

/** The checkpoint options {@code reproduce} and {@code train} share; reproduce hands them on to its cells. */
final class CheckpointOptions {
    @Option(names = "--checkpoint-every", paramLabel = "DURATION|STEPS|off",
            defaultValue = CheckpointPolicy.DEFAULT_EVERY,
            description = {"Each training cell saves a checkpoint this often (a duration such as 5m, or a number "
                    + "of steps), and when it is stopped (SIGTERM, Ctrl-C, cell timeout); rerunning resumes an "
                    + "interrupted cell from it (default: ${DEFAULT-VALUE}).",
                    "The checkpoint is <run>/cells/<cell>/" + org.fmmbench.harness.train.Checkpointing.FILE_NAME
                            + ", deleted when the cell ends ok."})
    String every;

    @Option(names = "--keep-checkpoints", description = "Keep the checkpoint of a cell that ended ok.")
    boolean keep;

    /** @throws BadInputException when {@code --checkpoint-every} cannot be read */
    CheckpointPolicy policy() {
        return BadInputException.ifRejected(() -> CheckpointPolicy.parse(every, keep));
    }

    /** The same options for a child's {@code train} command line. */
    List<String> childOptions() {
        List<String> options = new ArrayList<>(List.of("--checkpoint-every", policy().optionValue()));
        if (keep) {
            options.add("--keep-checkpoints");
        }
        return options;
    }
}
