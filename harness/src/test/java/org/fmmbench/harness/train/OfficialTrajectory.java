package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden trajectory of the official LRA code (baselines/src/test/resources/parity, written by
 * {@code generate_lra.py}; README.md there says how): the row's configuration, its batches, what the official
 * training recorded per step, and its initial and final parameters under their official names.
 */
record OfficialTrajectory(String row, int documents, int classes, String variant, Double sparseRatio, int chunks,
        int seqLength, int vocabSize, int batchSize, int steps, int warmupSteps, double maxLr, int[][][][] ids,
        int[][] labels, double[] loss, double[] gradNorm, double[] lr, double[] beta1, Map<String, float[]> init,
        Map<String, float[]> finalParameters) {

    /** The fixture folder, seen from the harness module's directory (where surefire runs the tests). */
    static final Path FIXTURES = Path.of("..", "baselines", "src", "test", "resources", "parity");

    static List<String> rows() {
        return List.copyOf(listOf(index().get("rows").fieldNames()));
    }

    static OfficialTrajectory load(String row) {
        JsonNode index = index();
        JsonNode r = index.get("rows").get(row);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> file = read(manager, r.get("file").asText());
            Map<String, float[]> init = new LinkedHashMap<>();
            read(manager, index.get("sharedInit").asText()).forEach((k, v) -> init.put(k, v.toFloatArray()));
            Map<String, float[]> last = new LinkedHashMap<>();
            file.forEach((k, v) -> {
                if (k.startsWith("init.")) {
                    init.put(k.substring("init.".length()), v.toFloatArray());
                } else if (k.startsWith("final.")) {
                    last.put(k.substring("final.".length()), v.toFloatArray());
                }
            });
            int steps = index.get("steps").asInt();
            int batch = index.get("batchSize").asInt();
            int n = index.get("seqLength").asInt();
            int documents = r.get("documents").asInt();
            int[] flatIds = file.get("ids").toIntArray();
            int[][][][] ids = new int[steps][documents][batch][n];
            int[] flatLabels = file.get("labels").toIntArray();
            int[][] labels = new int[steps][batch];
            for (int s = 0; s < steps; s++) {
                for (int d = 0; d < documents; d++) {
                    for (int b = 0; b < batch; b++) {
                        System.arraycopy(flatIds, ((s * documents + d) * batch + b) * n, ids[s][d][b], 0, n);
                    }
                }
                System.arraycopy(flatLabels, s * batch, labels[s], 0, batch);
            }
            return new OfficialTrajectory(row, documents, r.get("classes").asInt(), r.get("variant").asText(),
                    r.get("sparseRatio").isNull() ? null : r.get("sparseRatio").asDouble(), r.get("chunks").asInt(),
                    n, index.get("vocabSize").asInt(), batch, steps, index.get("warmupSteps").asInt(),
                    index.get("maxLr").asDouble(), ids, labels, file.get("loss").toDoubleArray(),
                    file.get("grad_norm").toDoubleArray(), file.get("lr").toDoubleArray(),
                    file.get("beta1").toDoubleArray(), init, last);
        }
    }

    private static JsonNode index() {
        Path index = FIXTURES.resolve("lra-index.json");
        try {
            return new ObjectMapper().readTree(index.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the parity fixtures' index " + index.toAbsolutePath()
                    + ": run the tests from the harness module (mvn does)", e);
        }
    }

    private static Map<String, NDArray> read(NDManager manager, String file) {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(file))) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (NDArray a : NDList.decode(manager, in)) {
                arrays.put(a.getName(), a);
            }
            return arrays;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> listOf(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
