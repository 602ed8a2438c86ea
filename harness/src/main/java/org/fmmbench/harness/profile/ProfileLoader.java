package org.fmmbench.harness.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.train.LmEvalMode;

/**
 * Loads profiles: a built-in name ({@code smoke}, {@code cpu}, {@code paper}) from the class path, or a path
 * to a YAML file of the same shape.
 *
 * <p>A profile holds defaults for {@code model}, {@code train}, {@code data} and {@code rows}; each task may
 * override any field of them. Overrides are merged as YAML trees and then bound to the config records with
 * unknown and missing fields rejected, so a typo in a profile is an error rather than a silent default.
 */
public final class ProfileLoader {
    public static final List<String> BUILT_IN = List.of("smoke", "cpu", "paper");
    /** Built-in profiles of the paper's single-task experiments, beside the main ones. */
    public static final List<String> EXPERIMENTS = List.of("copy", "copy-cpu");
    private static final List<String> SECTIONS = List.of("model", "train", "data");

    /** Reads the file: sections may be left out. */
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Binds merged sections to config records: every field must be given. */
    private static final ObjectMapper STRICT = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Train fields a profile may leave out: language-modelling settings, and no gradient accumulation. */
    private static final ObjectNode OPTIONAL_TRAIN_DEFAULTS = YAML.createObjectNode().put("gradClip", 0.0)
            .put("evalStride", 0).put("microBatch", 0).put("evalMode", LmEvalMode.WINDOWED.specName());
    /** Data fields a profile may leave out: content = the whole sequence, nothing cut, stand-ins allowed. */
    private static final ObjectNode OPTIONAL_DATA_DEFAULTS = YAML.createObjectNode().put("contentLength", 0)
            .put("truncate", false).put("requireRealData", false);
    /** Model fields only language modelling uses; the default is the paper's. */
    private static final ObjectNode LM_ONLY_MODEL_DEFAULTS = YAML.createObjectNode()
            .put("positions", PositionScheme.WINDOW.specName());

    /** Shape of a profile file; the sections stay trees until merged per task. */
    record ProfileFile(String name, String description, Integer seeds, Integer threads, String cellTimeout,
            ObjectNode model, ObjectNode train, ObjectNode data, LinkedHashMap<String, String> rows,
            LinkedHashMap<String, TaskSection> tasks) {
    }

    record TaskSection(ObjectNode model, ObjectNode train, ObjectNode data, LinkedHashMap<String, String> rows,
            Integer seeds) {
    }

    private ProfileLoader() {
    }

    /** A built-in profile by name, or a profile file when {@code nameOrPath} names an existing file. */
    public static Profile load(String nameOrPath) {
        return load(nameOrPath, Map.of());
    }

    /**
     * A profile with settings overridden, as {@code --set} gives them: {@code section.field=value} sets the field
     * for every task, {@code task.section.field=value} for one task ({@code section} is model, train or data;
     * the value is read as YAML, so {@code 8} is a number). Overrides win over the profile's task sections.
     */
    public static Profile load(String nameOrPath, Map<String, String> overrides) {
        Path file = Path.of(nameOrPath);
        if (!BUILT_IN.contains(nameOrPath) && !EXPERIMENTS.contains(nameOrPath) && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString(), overrides);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read profile file " + file + ": " + e.getMessage(), e);
            }
        }
        InputStream in = ProfileLoader.class.getResourceAsStream("/profiles/" + nameOrPath + ".yaml");
        if (in == null) {
            throw new IllegalArgumentException("Unknown profile '" + nameOrPath + "'. Use one of "
                    + String.join(", ", BUILT_IN) + " (experiments: " + String.join(", ", EXPERIMENTS) + "), or the path of a profile YAML file.");
        }
        try (in) {
            return parse(in, "built-in profile " + nameOrPath, overrides);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read built-in profile " + nameOrPath, e);
        }
    }

    static Profile parse(InputStream in, String origin) throws IOException {
        return parse(in, origin, Map.of());
    }

    static Profile parse(InputStream in, String origin, Map<String, String> overrides) throws IOException {
        ProfileFile f;
        try {
            f = YAML.readValue(in, ProfileFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(origin + " is not a valid profile: " + e.getOriginalMessage()
                    + location(e), e);
        }
        require(f.name() != null, origin, "needs a 'name'");
        require(f.tasks() != null && !f.tasks().isEmpty(), origin, "needs at least one entry under 'tasks'");
        int seeds = f.seeds() == null ? 1 : f.seeds();
        int threads = f.threads() == null ? 0 : f.threads();
        require(seeds >= 1, origin, "'seeds' must be >= 1");
        require(threads >= 0, origin, "'threads' must be >= 0 (0 = all cores)");
        List<TaskProfile> tasks = new ArrayList<>();
        Map<String, ObjectNode> set = overrideTrees(overrides, f.tasks().keySet());
        for (Map.Entry<String, TaskSection> e : f.tasks().entrySet()) {
            TaskSection t = e.getValue() == null ? new TaskSection(null, null, null, null, null) : e.getValue();
            String where = origin + ", task '" + e.getKey() + "'";
            ModelConfig model = bind(merge(merge(merge(merge(LM_ONLY_MODEL_DEFAULTS, f.model()), t.model()),
                    set.get("model")),
                    set.get(e.getKey() + ".model")), ModelConfig.class, where + ", model");
            checkModel(model, where);
            TrainConfig train = bind(merge(merge(merge(merge(OPTIONAL_TRAIN_DEFAULTS, f.train()), t.train()),
                    set.get("train")), set.get(e.getKey() + ".train")), TrainConfig.class, where + ", train");
            DataConfig data = bind(merge(merge(merge(merge(OPTIONAL_DATA_DEFAULTS, f.data()), t.data()), set.get("data")),
                    set.get(e.getKey() + ".data")), DataConfig.class, where + ", data");
            checkTrain(train, where);
            checkData(data, where);
            Map<String, String> rowMap = new LinkedHashMap<>();
            if (f.rows() != null) {
                rowMap.putAll(f.rows());
            }
            if (t.rows() != null) {
                rowMap.putAll(t.rows());
            }
            require(!rowMap.isEmpty(), where, "has no rows: list 'rows' (row label: variant spec)");
            List<PaperRow> rows = rowMap.entrySet().stream().map(r -> new PaperRow(r.getKey(), r.getValue())).toList();
            int taskSeeds = t.seeds() == null ? seeds : t.seeds();
            require(taskSeeds >= 1, where, "'seeds' must be >= 1");
            tasks.add(new TaskProfile(e.getKey(), model, train, data, rows, taskSeeds));
        }
        return new Profile(f.name(), f.description() == null ? "" : f.description().trim(), seeds, threads,
                Durations.parse(f.cellTimeout() == null ? "24h" : f.cellTimeout()), List.copyOf(tasks));
    }

    private static void checkModel(ModelConfig m, String where) {
        if (m.heads() < 1 || m.dim() % m.heads() != 0) {
            throw new IllegalArgumentException(where + ": model dim " + m.dim() + " must be a multiple of heads "
                    + m.heads() + ".");
        }
        try {
            PositionScheme.bySpecName(m.positions());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ", model: " + e.getMessage() + ".", e);
        }
    }

    private static void checkData(DataConfig d, String where) {
        require(d.contentLength() >= 0, where, "data.contentLength must be >= 0 (0 = all of seqLength)");
        require(d.contentLength() == 0 || (d.seqLength() > 0 && d.contentLength() <= d.seqLength()), where,
                "data.contentLength must be at most data.seqLength (the padded length), and needs an explicit seqLength");
    }

    /** Checks the fields every cell needs to train at all. */
    public static void checkTrain(TrainConfig t, String where) {
        require(t.batchSize() >= 1, where, "train.batchSize must be >= 1");
        require(t.steps() >= 1, where, "train.steps must be >= 1");
        require(t.warmupSteps() >= 0 && t.warmupSteps() <= t.steps(), where,
                "train.warmupSteps must be in [0, steps]");
        require(t.lr() > 0, where, "train.lr must be > 0");
        require(t.weightDecay() >= 0, where, "train.weightDecay must be >= 0");
        require(t.evalEvery() >= 1, where, "train.evalEvery must be >= 1");
        require(t.evalBatches() >= 0 && t.testBatches() >= 0, where, "train.evalBatches/testBatches must be >= 0");
        require(t.gradClip() >= 0, where, "train.gradClip must be >= 0 (0 = no clipping)");
        require(t.evalStride() >= 0, where, "train.evalStride must be >= 0 (0 = half the context, 1 = the paper's)");
        require(LmEvalMode.bySpecName(t.evalMode()) != null, where, "train.evalMode must be "
                + LmEvalMode.choices() + ", got '" + t.evalMode() + "'");
        require(t.microBatch() >= 0 && t.microBatch() <= t.batchSize(), where,
                "train.microBatch must be in [0, batchSize] (0 = no gradient accumulation)");
    }

    /** Groups {@code --set} entries by "section" or "task.section" into trees to merge like a task section. */
    private static Map<String, ObjectNode> overrideTrees(Map<String, String> overrides, Set<String> taskNames) {
        Map<String, ObjectNode> trees = new HashMap<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String[] key = o.getKey().split("\\.");
            boolean perTask = key.length == 3;
            String section = key.length >= 2 ? key[key.length - 2] : "";
            if (!(key.length == 2 || perTask) || !SECTIONS.contains(section)) {
                throw new IllegalArgumentException("--set " + o.getKey() + "=" + o.getValue() + ": the key must be "
                        + "section.field or task.section.field with section one of " + String.join(", ", SECTIONS)
                        + ", e.g. train.microBatch=8 or listops.train.batchSize=16.");
            }
            if (perTask && !taskNames.contains(key[0])) {
                throw new IllegalArgumentException("--set " + o.getKey() + ": the profile has no task '" + key[0]
                        + "'; its tasks are " + String.join(", ", taskNames) + ".");
            }
            JsonNode value;
            try {
                value = YAML.readTree(o.getValue());
            } catch (JacksonException e) {
                throw new IllegalArgumentException("--set " + o.getKey() + ": cannot read the value '" + o.getValue()
                        + "': " + e.getOriginalMessage(), e);
            }
            String group = perTask ? key[0] + "." + section : section;
            trees.computeIfAbsent(group, g -> YAML.createObjectNode()).set(key[key.length - 1],
                    value == null || value.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
        }
        return trees;
    }

    private static ObjectNode merge(ObjectNode defaults, ObjectNode override) {
        ObjectNode merged = defaults == null ? YAML.createObjectNode() : defaults.deepCopy();
        if (override != null) {
            merged.setAll(override);
        }
        return merged;
    }

    private static <T> T bind(JsonNode node, Class<T> type, String where) {
        List<String> known = java.util.Arrays.stream(type.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "'; fields are "
                        + String.join(", ", known) + ".");
            }
        }
        try {
            return STRICT.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static void require(boolean ok, String where, String what) {
        if (!ok) {
            throw new IllegalArgumentException(where + " " + what + ".");
        }
    }
}
