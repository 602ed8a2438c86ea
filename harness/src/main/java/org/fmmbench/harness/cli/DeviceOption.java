package org.fmmbench.harness.cli;

import picocli.CommandLine.Option;

/** {@code --device}: where cells train; {@code reproduce} plans its cells for it and {@code doctor} checks it. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where cells train (default: ${DEFAULT-VALUE}; auto = cpu unless a CUDA libtorch is "
                    + "configured).")
    String name;
}
