package org.fmmbench.harness.scaling;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.results.Provenance;

/**
 * Where and how a scaling or model-step row was measured: the run, when it started, the harness's
 * {@link Provenance} and the JMH settings. Written into every row, so that resumed runs keep their origin.
 *
 * @param cpus processors the JVM saw, 0 when not known (files whose {@code cpu_model} has no {@code xN})
 */
public record RunOrigin(String runId, String startedAt, Provenance provenance, int cpus, String jmhSettings) {
    /** The origin's columns, in the order {@link #csvValues} gives them. */
    static final List<String> COLUMNS = List.of("run_id", "started_at", "git_commit", "git_dirty", "cpu_model",
            "jvm", "djl_version", "pytorch_version", "jmh_settings");
    private static final String UNKNOWN = "unknown";

    /** Captures the current machine, checkout and engine; loads the PyTorch engine to learn its version. */
    public static RunOrigin capture(String runId, JmhSettings settings) {
        return new RunOrigin(runId, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Provenance.probe(Engine.getEngine("PyTorch").getVersion()), Runtime.getRuntime().availableProcessors(),
                settings.describe());
    }

    /** The values of {@link #COLUMNS}; {@code cpu_model} carries the processor count as {@code <model> xN}. */
    List<Object> csvValues() {
        Provenance p = provenance;
        return List.of(runId, startedAt, p.gitCommit(), p.gitDirty() == null ? UNKNOWN : p.gitDirty().toString(),
                cpus > 0 ? p.cpuModel() + " x" + cpus : p.cpuModel(), p.jvmVersion(), p.djlVersion(),
                p.pytorchVersion(), jmhSettings);
    }

    /** Reads what {@link #csvValues} wrote. */
    static RunOrigin fromCsv(CSVRecord rec) {
        String dirty = rec.get("git_dirty");
        String cpu = rec.get("cpu_model");
        int cpus = 0;
        int x = cpu.lastIndexOf(" x");
        if (x >= 0 && cpu.substring(x + 2).matches("\\d+")) {
            cpus = Integer.parseInt(cpu.substring(x + 2));
            cpu = cpu.substring(0, x);
        }
        Provenance p = new Provenance(rec.get("git_commit"),
                dirty.isEmpty() || dirty.equals(UNKNOWN) ? null : Boolean.parseBoolean(dirty), cpu, rec.get("jvm"),
                rec.get("djl_version"), rec.get("pytorch_version"));
        return new RunOrigin(rec.get("run_id"), rec.get("started_at"), p, cpus, rec.get("jmh_settings"));
    }
}
