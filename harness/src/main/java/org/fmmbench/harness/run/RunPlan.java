package org.fmmbench.harness.run;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.fmmbench.harness.results.AtomicFiles;

/**
 * The cells of a run, written to {@code plan.yaml} in the run directory before any cell runs. A cell can be
 * run from the plan alone ({@code fmmbench train --plan plan.yaml --cell i}), on this machine or elsewhere.
 *
 * @param runId names the run directory
 * @param profile the profile the cells came from
 * @param dataDir the user's data directory, or {@code null}; not part of any cell's hash
 * @param cacheDir where tasks keep generated and unpacked data
 * @param cellTimeout per-cell time limit, e.g. {@code 3m}
 */
public record RunPlan(String runId, String profile, String dataDir, String cacheDir, String cellTimeout,
        List<PlannedCell> cells) {
    public static final String FILE_NAME = "plan.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(
                    new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PlannedCell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new IllegalArgumentException("Cell " + index + " is not in the plan of run " + runId
                    + ": it has cells 0.." + (cells.size() - 1) + ".");
        }
        return cells.get(index);
    }

    /** Identifies the set of cells: equal plans (whatever their paths) have equal fingerprints. */
    public String fingerprint() {
        return ConfigHash.sha256(cells.stream().map(PlannedCell::configHash).collect(Collectors.joining(",")));
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, w -> YAML.writeValue(w, this));
    }

    public static RunPlan read(Path file) {
        try {
            return YAML.readValue(file.toFile(), RunPlan.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Run plan " + file + " is malformed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("Run plan " + file + " does not exist: pass the plan.yaml "
                        + "of a run directory (reproduce writes one).", e);
            }
            throw new IllegalArgumentException("Cannot read run plan " + file + ": " + e.getMessage(), e);
        }
    }
}
