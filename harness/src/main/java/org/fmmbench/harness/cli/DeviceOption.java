package org.fmmbench.harness.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.Option;

/**
 * {@code --device}: where cells train; {@code reproduce} plans its cells for it and {@code doctor} checks it. Its
 * gpu-engine check is also what {@code train} asks of a cell planned for the gpu.
 */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where cells train (default: ${DEFAULT-VALUE}; auto = cpu unless a CUDA libtorch is "
                    + "configured).")
    String name;

    /**
     * @throws BadInputException when {@code device} is gpu but the engine loaded a CPU-only libtorch; {@code subject}
     *         names what asked for the gpu, {@code otherwise} the way out other than installing a CUDA build
     */
    static void requireGpuEngine(String device, String subject, String otherwise) {
        if ("gpu".equals(device) && !Engine.getInstance().defaultDevice().isGpu()) {
            throw new BadInputException(subject + " but the engine runs on " + Engine.getInstance().defaultDevice()
                    + ": install a CUDA build of libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR; docs/gpu.md) or "
                    + otherwise + ".");
        }
    }
}
