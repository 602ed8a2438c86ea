package org.fmmbench.harness.run;

import java.util.Map;

/**
 * Resolves {@code --device}. The build bundles PyTorch's CPU engine from Maven Central; DJL 0.36 has no
 * CUDA libtorch there (it would be downloaded at run time, which offline mode forbids), so a GPU is only
 * usable with a CUDA libtorch installed locally and named by {@code PYTORCH_LIBRARY_PATH} and
 * {@code PYTORCH_FLAVOR=cu...}.
 */
public final class Devices {
    private Devices() {
    }

    public static String resolve(String requested, Map<String, String> env) {
        boolean cudaLibtorch = env.get("PYTORCH_LIBRARY_PATH") != null
                && env.getOrDefault("PYTORCH_FLAVOR", "").startsWith("cu");
        return switch (requested) {
            case "cpu" -> "cpu";
            case "auto" -> cudaLibtorch ? "gpu" : "cpu";
            case "gpu" -> {
                if (!cudaLibtorch) {
                    throw new IllegalArgumentException("--device gpu needs a CUDA build of libtorch: this build "
                            + "bundles PyTorch's CPU engine only. Set PYTORCH_LIBRARY_PATH to a CUDA libtorch and "
                            + "PYTORCH_FLAVOR (e.g. cu128), or use --device cpu.");
                }
                yield "gpu";
            }
            default -> throw new IllegalArgumentException("Unknown device '" + requested
                    + "': use auto, cpu or gpu.");
        };
    }
}
