package org.fmmbench.harness.cli;

import java.util.Map;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.profile.ProfileLoader;
import picocli.CommandLine.Option;

/** {@code --profile}: the profile whose cells {@code reproduce} runs and whose data settings {@code tasks} checks. */
final class ProfileOption {
    @Option(names = "--profile", defaultValue = "smoke", paramLabel = "NAME|FILE",
            description = "smoke, cpu, paper, or a profile YAML file (default: ${DEFAULT-VALUE}).")
    String nameOrFile;

    /** @throws BadInputException naming the profiles when it is none of them, or its file is not a valid profile */
    Profile load(Map<String, String> overrides) {
        return BadInputException.ifRejected(() -> ProfileLoader.load(nameOrFile, overrides));
    }
}
