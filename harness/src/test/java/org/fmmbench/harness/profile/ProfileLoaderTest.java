package org.fmmbench.harness.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.lm.LmRows;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileLoaderTest {
    /** The paper's five rows and the attention-free control {@code none}. */
    private static final List<String> PAPER_ROWS = List.of("softmax", "linear", "band_5", "none", "fmm1_band5",
            "fmm2_band5");
    private static final List<String> LRA_TASKS = List.of("listops", "text", "retrieval", "image", "pathfinder");
    private static final List<String> TASKS = List.of("listops", "text", "retrieval", "image", "pathfinder", "lm");
    /** The smoke profile's extra tasks on which the rows separate (issue #15). */
    private static final List<String> SEPARATING_TASKS = List.of("far-recall", "near-recall");
    /** The train section of the small profiles below. */
    private static final String TRAIN = "batchSize: 4, steps: 10, warmupSteps: 1, lr: 0.001, weightDecay: 0, "
            + "evalEvery: 5, evalBatches: 1, testBatches: 1";
    /** An LRA task and an lm task whose model and train sections get the two formatted fields. */
    private static final String LM_PROFILE = profile(TRAIN, """
            rows: {linear: linear}
            tasks:
              listops:
              lm:
                model: {%s}
                train: {%s}
                data: {source: europarl-bytes, maxTrain: 0}
            """);

    /** A one-layer profile with train section {@code train}, then the sections in {@code rest}. */
    private static String profile(String train, String rest) {
        return """
                name: mine
                model: {layers: 1, dim: 16, mlpDim: 32, heads: 2, dropout: 0.0, attentionDropout: 0.0}
                train: {%s}
                data: {source: auto, seqLength: 64, maxTrain: 8, maxVal: 8, maxTest: 8, pixelZero: pad}
                """.formatted(train) + rest;
    }

    private static List<TaskProfile> lraTasks(Profile p) {
        return p.tasks().stream().filter(t -> LRA_TASKS.contains(t.task())).toList();
    }

    @Test
    void everyBuiltInProfileRunsEveryPaperRowOnEveryLraTask() {
        for (String name : ProfileLoader.BUILT_IN) {
            Profile p = ProfileLoader.load(name);
            assertEquals(name, p.name());
            assertEquals(TASKS, p.taskNames().stream().filter(t -> !SEPARATING_TASKS.contains(t)).toList(), name);
            for (TaskProfile t : lraTasks(p)) {
                assertEquals(PAPER_ROWS, t.rows().stream().map(PaperRow::row).toList(), name + "/" + t.task());
            }
        }
    }

    @Test
    void smokeRunsTheSeparatingTasksOnFmmAndEachOfItsHalves() {
        Profile smoke = ProfileLoader.load("smoke");
        assertTrue(smoke.taskNames().containsAll(SEPARATING_TASKS), smoke.taskNames().toString());
        for (TaskProfile t : smoke.tasks()) {
            if (SEPARATING_TASKS.contains(t.task())) {
                assertTrue(t.rows().stream().map(PaperRow::row).toList().containsAll(
                        List.of("fmm1_band5", "band_5", "linear", "softmax")), t.task());
            }
        }
    }

    @Test
    void everyBuiltInProfileHasTheAttentionFreeControlRowOnEveryTask() {
        for (String name : ProfileLoader.BUILT_IN) {
            for (TaskProfile t : ProfileLoader.load(name).tasks()) {
                assertTrue(t.rows().contains(new PaperRow("none", "none")), name + "/" + t.task());
            }
        }
    }

    @Test
    void paperProfileKeepsLrasContentLengthsPaddedLikeTheOfficialData() {
        Map<String, List<Integer>> contentAndPadded = Map.of("listops", List.of(2000, 2048), "text", List.of(1000, 1024),
                "retrieval", List.of(4000, 4096));
        for (TaskProfile t : ProfileLoader.load("paper").tasks()) {
            List<Integer> expected = contentAndPadded.get(t.task());
            if (expected != null) {
                assertEquals(expected, List.of(t.data().contentLength(), t.data().seqLength()), t.task());
                assertFalse(t.data().truncate(), t.task());
            }
        }
        assertEquals(0, ProfileLoader.load("cpu").task("text").data().contentLength(), "cpu keeps all 1024");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileLoader.load("smoke", Map.of("text.data.contentLength", "200")));
        assertTrue(e.getMessage().contains("data.contentLength must be at most data.seqLength"), e.getMessage());
    }

    @Test
    void paperProfileHoldsTheOfficialConfigurationOfEveryTask() {
        Profile p = ProfileLoader.load("paper");
        ModelConfig official = new ModelConfig(2, 64, 128, 2, 0.1f, 0.1f);
        // fmmformer.md section 2: batch, steps, warm-up, eval every / batches, sequence length
        Map<String, int[]> table = Map.of(
                "listops", new int[] {32, 5000, 1000, 50, 62, 2048},
                "text", new int[] {32, 20000, 8000, 500, 781, 1024},
                "retrieval", new int[] {32, 30000, 800, 300, 565, 4096},
                "image", new int[] {256, 35000, 175, 175, 20, 0}, // 0: one token per pixel, 1024 on CIFAR-10
                "pathfinder", new int[] {256, 62400, 312, 312, 312, 1024});
        for (TaskProfile t : lraTasks(p)) {
            int[] e = table.get(t.task());
            TrainConfig tr = t.train();
            assertEquals(official, t.model(), t.task());
            assertEquals(List.of(e[0], e[1], e[2], e[3], e[4], e[5]), List.of(tr.batchSize(), tr.steps(),
                    tr.warmupSteps(), tr.evalEvery(), tr.evalBatches(), t.data().seqLength()), t.task());
            assertEquals(1e-4, tr.lr());
            assertEquals(0.0, tr.weightDecay());
            assertEquals(0, t.data().maxTrain(), "paper uses full splits");
        }
    }

    @Test
    void paperRowsUseEachTasksOfficialBlendRule() {
        Profile p = ProfileLoader.load("paper");
        // fmmformer.md section 2 "Variants run": flags 11.5/13.5, 4.5/4.5, 18.5/19.5, 4.5/17.5, 2.5/15.5
        Map<String, List<String>> expected = Map.of(
                "listops", List.of("fmm:k=5,kernels=elu,blend=per_head",
                        "fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab"),
                "text", List.of("fmm:k=5,kernels=elu,blend=far_channel",
                        "fmm:k=5,kernels=elu+elu_flip,blend=far_channel,kmix=fixed"),
                "retrieval", List.of("fmm:k=5,kernels=elu,blend=near_gate",
                        "fmm:k=5,kernels=elu+elu_flip,blend=near_gate,kmix=learned_ab"),
                "image", List.of("fmm:k=5,kernels=elu,blend=far_channel",
                        "fmm:k=5,kernels=elu+elu_flip,blend=far_channel,kmix=learned_c"),
                "pathfinder", List.of("fmm:k=5,kernels=elu,blend=mix",
                        "fmm:k=5,kernels=elu+elu_flip,blend=mix,kmix=learned_c"));
        for (String name : ProfileLoader.BUILT_IN) {
            for (TaskProfile t : lraTasks(ProfileLoader.load(name))) {
                List<String> variants = t.rows().stream().map(PaperRow::variant).toList();
                assertEquals(List.of("softmax", "linear", "band:k=5", "none"), variants.subList(0, 4), name + "/" + t.task());
                assertEquals(expected.get(t.task()), variants.subList(4, 6), name + "/" + t.task());
            }
        }
    }

    @Test
    void everyBuiltInProfileRunsThePapersLanguageModellingRowsCausally() {
        for (String name : ProfileLoader.BUILT_IN) {
            TaskProfile lm = ProfileLoader.load(name).tasks().stream().filter(t -> t.task().equals("lm"))
                    .findFirst().orElseThrow();
            List<String> specs = new java.util.ArrayList<>(lm.rows().stream().map(PaperRow::variant).toList());
            assertTrue(specs.remove("none"), name + ": the control row");
            assertEquals(LmRows.PAPER.stream().map(LmRows.Row::spec).toList(), specs, name);
            assertEquals(List.of("softmax", "linear", "band_5", "none", "band_20", "fmm1_band5", "fmm1_band20", "fmm2_band20",
                    "fw", "fw1_band20", "fw2_band20"),
                    lm.rows().stream().map(PaperRow::row).toList(), name);
            assertEquals(0.25, lm.train().gradClip(), name);
            // profiles that do not mention them keep the paper's positions and the windowed evaluation
            assertEquals("window", lm.model().positions(), name);
            assertEquals("windowed", lm.train().evalMode(), name);
        }
    }

    @Test
    void lmPositionsAndEvalModeAreReadFromTheProfile() throws IOException {
        Profile p = parse(LM_PROFILE.formatted("positions: stream", "evalMode: stateful"));
        assertEquals("stream", p.task("lm").model().positions());
        assertEquals("stateful", p.task("lm").train().evalMode());
        assertEquals("window", p.task("listops").model().positions());
        assertEquals("windowed", p.task("listops").train().evalMode());
    }

    @Test
    void anUnknownEvalModeOrPositionsIsAnErrorNamingTheChoices() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> parse(LM_PROFILE.formatted("positions: stream", "evalMode: recurrent")));
        assertTrue(mode.getMessage().contains("'recurrent'") && mode.getMessage().contains("windowed or stateful"),
                mode.getMessage());
        IllegalArgumentException positions = assertThrows(IllegalArgumentException.class,
                () -> parse(LM_PROFILE.formatted("positions: absolute", "evalMode: stateful")));
        assertTrue(positions.getMessage().contains("'absolute'") && positions.getMessage().contains("window or stream")
                && positions.getMessage().contains("task 'lm'"), positions.getMessage());
    }

    @Test
    void lraTasksNeedNoLanguageModellingFields() {
        TrainConfig listops = ProfileLoader.load("smoke").tasks().get(0).train();
        assertEquals(0.0, listops.gradClip());
        assertEquals(0, listops.evalStride());
    }

    @Test
    void cpuProfileKeepsThePaperModelAndOptimiser() {
        for (TaskProfile t : lraTasks(ProfileLoader.load("cpu"))) {
            assertEquals(new ModelConfig(2, 64, 128, 2, 0.1f, 0.1f), t.model(), t.task());
            assertEquals(1e-4, t.train().lr());
        }
    }

    @Test
    void taskSectionsOverrideSingleFieldsOfTheDefaults() throws IOException {
        Profile p = parse(profile(TRAIN, """
                cellTimeout: 90s
                rows: {softmax: softmax}
                tasks:
                  listops:
                    train: {steps: 20}
                  text:
                """));
        assertEquals(20, p.task("listops").train().steps());
        assertEquals(4, p.task("listops").train().batchSize());
        assertEquals(10, p.task("text").train().steps());
        assertEquals(Duration.ofSeconds(90), p.cellTimeout());
    }

    @Test
    void aTasksSeedsReplaceTheProfilesForThatTaskOnly() throws IOException {
        Profile p = parse(LM_PROFILE.formatted("positions: window", "evalMode: windowed")
                .replace("  listops:\n", "  listops:\n    seeds: 3\n"));
        assertEquals(3, p.task("listops").seeds());
        assertEquals(1, p.task("lm").seeds());
    }

    /** One ListOps task whose train section is {@code train}. */
    private static Profile withTrain(String train) throws IOException {
        return parse(profile(train, """
                rows: {softmax: softmax}
                tasks: {listops: }
                """));
    }

    /**
     * A train section no cell can run (evalEvery 0), with a misspelled field or with a missing one is an error when the
     * profile is read, naming the field (and the task where it says one).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            batchSize: 4, steps: 10, warmupSteps: 1, lr: 0.001, weightDecay: 0, evalEvery: 0, evalBatches: 1, testBatches: 1 | evalEvery;listops
            batchSize: 4, stpes: 10, warmupSteps: 1, lr: 0.001, weightDecay: 0, evalEvery: 5, evalBatches: 1, testBatches: 1 | stpes;listops
            batchSize: 4, warmupSteps: 1, lr: 0.001, weightDecay: 0, evalEvery: 5, evalBatches: 1, testBatches: 1           | 'steps'
            """)
    void aTrainSectionThatCannotRunIsAnErrorNamingTheField(String train, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withTrain(train));
        for (String word : named.split(";")) {
            assertTrue(e.getMessage().contains(word), word + " in: " + e.getMessage());
        }
    }

    @Test
    void headsThatDoNotDivideTheModelDimAreRejectedWhenTheProfileIsReadNamingTheTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileLoader.load("smoke", Map.of("text.model.dim", "32", "text.model.heads", "3")));
        assertTrue(e.getMessage().contains("task 'text'") && e.getMessage().contains("model dim 32 must be a multiple "
                + "of heads 3"), e.getMessage());
        assertEquals(4, ProfileLoader.load("smoke", Map.of("text.model.dim", "32", "text.model.heads", "4"))
                .task("text").model().heads());
    }


    @Test
    void setOverridesAFieldForEveryTaskOrForOneTask() {
        Profile p = ProfileLoader.load("paper", Map.of("train.microBatch", "8",
                "retrieval.train.microBatch", "2", "data.maxTest", "64"));
        for (TaskProfile t : lraTasks(p)) {
            assertEquals(t.task().equals("retrieval") ? 2 : 8, t.train().microBatch(), t.task());
            assertEquals(64, t.data().maxTest(), t.task());
        }
        assertEquals(5000, lraTasks(p).get(0).train().steps(), "fields not set keep the profile's values");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            train.microbatch | 8      | unknown field 'microbatch'
            optim.lr         | 1      | model, train, data
            imdb.train.lr    | 1      | no task 'imdb'
            train.microBatch | 100000 | microBatch must be in [0, batchSize]
            """)
    void setWithAnUnknownFieldSectionTaskOrAnImpossibleValueIsAnErrorNamingIt(String key, String value, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileLoader.load("smoke", Map.of(key, value)));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void withRowsKeepsOnlyTheNamedRowsAndNamesAnUnknownOne() {
        Profile p = ProfileLoader.load("paper").withRows(List.of("band_20", "linear"));
        assertEquals(ProfileLoader.load("paper").taskNames(), p.taskNames(), "every task has linear");
        assertEquals(List.of("linear"), p.task("listops").rows().stream().map(PaperRow::row).toList());
        assertEquals(List.of("linear", "band_20"), p.task("lm").rows().stream().map(PaperRow::row)
                .toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileLoader.load("paper").withRows(List.of("band_7")));
        assertTrue(e.getMessage().contains("Unknown row 'band_7'") && e.getMessage().contains("fmm2_band5"),
                e.getMessage());
    }

    @Test
    void unknownProfileNamesTheBuiltInOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileLoader.load("fast"));
        assertTrue(e.getMessage().contains("smoke, cpu, paper"), e.getMessage());
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("PT45S"));
        assertEquals(Duration.ofDays(14), Durations.parse("14d"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0s"));
    }

    private static Profile parse(String yaml) throws IOException {
        return ProfileLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test profile");
    }
}
