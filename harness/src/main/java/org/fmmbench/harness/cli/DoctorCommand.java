package org.fmmbench.harness.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.fmmbench.harness.run.Devices;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.fmmbench.harness.results.MemoryProbe;

/**
 * {@code doctor}: what a run would use on this machine, one {@code key: value} line each, before a user spends
 * hours on a run that silently falls back to the CPU or lacks its data.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints what runs would use here: Java, DJL and PyTorch versions, the native library's "
                + "flavor and path, the resolved device, threads, CUDA, data sources found, the cache and its free "
                + "space, free memory.",
                "Exit status: 0 fine, 1 the engine cannot load, 2 the requested --device is not what it resolves "
                        + "to (e.g. gpu on a CPU-only build)."})
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    DeviceOption device;

    @Mixin
    DataDirOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        line(out, "java", System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        line(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        line(out, "memory", memory());
        line(out, "djl", Engine.getDjlVersion());
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            line(out, "engine", "cannot load: " + e.getMessage());
            out.flush();
            return 1;
        }
        String libtorch = LibUtils.getLibtorchPath();
        line(out, "pytorch", engine.getEngineName() + " " + engine.getVersion());
        line(out, "native library", flavor(libtorch) + " at " + libtorch);
        boolean cuda = CudaUtils.hasCuda();
        line(out, "cuda", cuda ? CudaUtils.getGpuCount() + " GPU(s), CUDA " + CudaUtils.getCudaVersionString()
                : "not available");
        line(out, "threads", "intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads()
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"));
        Path cache = data.cacheDir();
        Path dataDir = data.dataDir;
        line(out, "cache", cache + ", " + freeSpace(cache) + ", prepared: " + prepared(cache));
        line(out, "data dir", dataDir == null ? "none: tasks use their offline stand-ins"
                : dataDir + (Files.isDirectory(dataDir) ? "" : " (does not exist)"));
        for (Map.Entry<String, TaskProvider> t : TaskRegistry.providers().entrySet()) {
            line(out, "task " + t.getKey(), "sources " + String.join(", ", t.getValue().sources()));
        }
        String engineDevice = engine.defaultDevice().toString();
        String resolved;
        try {
            resolved = Devices.resolve(device.name, System.getenv());
        } catch (IllegalArgumentException e) {
            line(out, "device", device.name + " -> " + engineDevice + " (engine default): " + e.getMessage());
            out.flush();
            return FmmbenchCli.EXIT_BAD_INPUT;
        }
        line(out, "device", device.name + " -> " + resolved + " (engine default " + engineDevice + ")");
        out.flush();
        DeviceOption.requireGpuEngine(resolved, "--device " + device.name + " resolves to gpu", "use --device cpu");
        return 0;
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println(key + ": " + value);
    }

    /** DJL names the folder of a native library after its flavor, e.g. {@code 2.7.1-cpu-linux-x86_64}. */
    static String flavor(String libtorchPath) {
        String folder = Path.of(libtorchPath).getFileName().toString().toLowerCase(Locale.ROOT);
        for (String part : folder.split("-")) {
            if (part.equals("cpu") || part.startsWith("cu") || part.startsWith("precxx11")) {
                return part;
            }
        }
        return System.getenv().getOrDefault("PYTORCH_FLAVOR", "unknown flavor");
    }

    private static String memory() {
        long total = MemoryProbe.machineTotalKib();
        long available = MemoryProbe.machineAvailableKib();
        String jvm = String.format(Locale.ROOT, "JVM max heap %.1f GiB", Runtime.getRuntime().maxMemory() / 1073741824.0);
        if (total < 0 || available < 0) {
            return jvm;
        }
        return String.format(Locale.ROOT, "%.1f GiB free of %.1f GiB, %s", available / 1048576.0, total / 1048576.0,
                jvm);
    }

    private static String freeSpace(Path cache) {
        Path p = cache.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? "free space unknown" : String.format(Locale.ROOT, "%.1f GiB free",
                    Files.getFileStore(p).getUsableSpace() / 1073741824.0);
        } catch (IOException e) {
            return "free space unknown (" + e.getMessage() + ")";
        }
    }

    private static String prepared(Path cache) {
        if (!Files.isDirectory(cache)) {
            return "nothing yet";
        }
        try (Stream<Path> dirs = Files.list(cache)) {
            List<String> names = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            return names.isEmpty() ? "nothing yet" : String.join(", ", names);
        } catch (IOException e) {
            return "cannot list (" + e.getMessage() + ")";
        }
    }
}
