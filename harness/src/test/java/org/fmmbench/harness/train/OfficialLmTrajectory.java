package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.baselines.lm.LmConfig;
import org.fmmbench.baselines.lm.TransformerLm;
import org.fmmbench.harness.config.TrainConfig;

/**
 * The golden trajectory of the official language model ({@code baselines/src/test/resources/parity/lm}, written
 * by its {@code generate_lm.py}): settings, token stream, per-step learning rate, loss and gradient norm, and the
 * initial and final parameters under their official names, with the mapping to fmmbench's parameter names.
 *
 * <p>Name mapping (official → fmmbench, L = layer index):
 * <pre>
 * word_emb.emb_layers.0.weight           embedding_weight (also the tied output table)
 * layers.L.dec_attn.qkv_net.weight       layerL_qkv_weight        same (3·H·d, d_model) layout, [q|k|v] per head
 * layers.L.dec_attn.o_net.weight         layerL_out_weight
 * layers.L.dec_attn.sparse_ratio         layerL_attention_near_weight   (1, 1, H·d) read as (1, H, 1, d)
 * layers.L.dec_attn.layer_norm.*         layerL_norm1_gamma / _beta
 * layers.L.pos_ff.CoreNet.0.*            layerL_ff1_weight / _bias
 * layers.L.pos_ff.CoreNet.3.*            layerL_ff2_weight / _bias
 * layers.L.pos_ff.layer_norm.*           layerL_norm2_gamma / _beta
 * crit.out_layers.0.bias                 output_bias
 * crit.cluster_weight, crit.cluster_bias output_clusterWeight, output_clusterBias   rows reversed: the official
 *                                        head reads tail cluster i from column −i, fmmbench from column i − 1
 * </pre>
 */
final class OfficialLmTrajectory {
    /** One official optimiser step: the learning rate it used, its loss and its gradient norm before clipping. */
    record Step(int step, double lr, double loss, double gradientNorm) {
    }

    private static final Pattern LAYER = Pattern.compile("layers\\.(\\d+)\\.(.+)");
    private static final Map<String, String> LAYER_NAMES = Map.ofEntries(
            Map.entry("dec_attn.qkv_net.weight", "qkv_weight"),
            Map.entry("dec_attn.o_net.weight", "out_weight"),
            Map.entry("dec_attn.sparse_ratio", "attention_near_weight"),
            Map.entry("dec_attn.layer_norm.weight", "norm1_gamma"),
            Map.entry("dec_attn.layer_norm.bias", "norm1_beta"),
            Map.entry("pos_ff.CoreNet.0.weight", "ff1_weight"),
            Map.entry("pos_ff.CoreNet.0.bias", "ff1_bias"),
            Map.entry("pos_ff.CoreNet.3.weight", "ff2_weight"),
            Map.entry("pos_ff.CoreNet.3.bias", "ff2_bias"),
            Map.entry("pos_ff.layer_norm.weight", "norm2_gamma"),
            Map.entry("pos_ff.layer_norm.bias", "norm2_beta"));
    private static final Map<String, String> MODEL_NAMES = Map.of(
            "word_emb.emb_layers.0.weight", "embedding_weight",
            "crit.out_layers.0.bias", "output_bias",
            "crit.cluster_weight", "output_clusterWeight",
            "crit.cluster_bias", "output_clusterBias");

    private final Path dir;
    private final Properties settings = new Properties();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> initial;
    private final Map<String, float[]> last;
    private final List<Step> steps = new ArrayList<>();
    private final int[] tokens;

    private OfficialLmTrajectory(Path dir) throws IOException {
        this.dir = dir;
        try (Reader r = Files.newBufferedReader(dir.resolve("config.properties"))) {
            settings.load(r);
        }
        List<Integer> offsets = new ArrayList<>();
        for (CSVRecord row : csv("params.csv")) {
            shapes.put(row.get("name"), Arrays.stream(row.get("shape").split("x")).mapToLong(Long::parseLong)
                    .toArray());
            offsets.add(Integer.parseInt(row.get("offset")));
        }
        initial = floats("initial.bin", offsets);
        last = floats("final.bin", offsets);
        for (CSVRecord row : csv("steps.csv")) {
            steps.add(new Step(Integer.parseInt(row.get("step")), Double.parseDouble(row.get("lr")),
                    Double.parseDouble(row.get("loss")), Double.parseDouble(row.get("grad_norm"))));
        }
        tokens = Arrays.stream(Files.readString(dir.resolve("tokens.txt")).trim().split("\\s+"))
                .mapToInt(Integer::parseInt).toArray();
    }

    /** The fixture committed beside {@code generate_lm.py}; tests run with the harness module as working folder. */
    static OfficialLmTrajectory load() {
        Path dir = Path.of(System.getProperty("basedir", "."))
                .resolve("../baselines/src/test/resources/parity/lm").normalize();
        try {
            return new OfficialLmTrajectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the official LM trajectory in " + dir
                    + "; regenerate it as its README says", e);
        }
    }

    /** The official model's shape and attention (attn_type 201, flag 2.5) as an fmmbench configuration. */
    LmConfig lmConfig() {
        String kernels = settings.getProperty("kernels").replace(',', '+');
        String spec = "fmm:k=" + integer("diag_size") + ",kernels=" + kernels + ",blend=near_channel"
                + (kernels.contains("+") ? ",kmix=fixed" : "");
        int[] cutoffs = Arrays.stream(settings.getProperty("cutoffs").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        return new LmConfig(integer("vocab"), integer("layers"), integer("d_model"), integer("heads"),
                integer("d_head"), integer("d_inner"), Float.parseFloat(settings.getProperty("dropout")),
                integer("tgt_len"), cutoffs, VariantSpec.parse(spec));
    }

    /** The official schedule: Adam at peak {@code lr}, warm-up, cosine over {@code max_step}, clipping. */
    TrainConfig trainConfig() {
        if (integer("max_step") != integer("steps")) {
            throw new IllegalStateException("the fixture's cosine must end at its last step");
        }
        return new TrainConfig(integer("batch"), integer("steps"), integer("warmup"),
                Double.parseDouble(settings.getProperty("lr")), 0.0, integer("steps"), 0, 0,
                Double.parseDouble(settings.getProperty("clip")), 0);
    }

    int[] tokens() {
        return tokens.clone();
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Copies the official initial parameters into {@code model}; every fmmbench parameter must get a value. */
    void loadInitial(TransformerLm model) {
        Map<String, float[]> mapped = inFmmbenchNames(initial);
        for (Pair<String, Parameter> p : model.getParameters()) {
            float[] values = mapped.remove(withoutPositions(p.getKey()));
            if (values == null) {
                throw new IllegalStateException("no official value for fmmbench parameter " + p.getKey());
            }
            NDArray array = p.getValue().getArray();
            if (array.size() != values.length) {
                throw new IllegalStateException(p.getKey() + " has shape " + array.getShape() + " but the official "
                        + "parameter has " + values.length + " values");
            }
            array.set(values);
        }
        if (!mapped.isEmpty()) {
            throw new IllegalStateException("official parameters without an fmmbench counterpart: " + mapped.keySet());
        }
    }

    /**
     * A DJL parameter name without the two-digit position DJL puts before each child block's name
     * ({@code 03layer0_01qkv_weight} → {@code layer0_qkv_weight}), the form the mapping uses.
     */
    static String withoutPositions(String djlName) {
        return djlName.replaceAll("(^|_)\\d\\d", "$1");
    }

    /** The official parameters after the last step, under fmmbench names and in fmmbench layout. */
    Map<String, float[]> finalParameters() {
        return inFmmbenchNames(last);
    }

    private Map<String, float[]> inFmmbenchNames(Map<String, float[]> official) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : official.entrySet()) {
            String name = e.getKey();
            float[] v = e.getValue();
            if (name.startsWith("crit.cluster_")) {
                v = reverseRows(v, shapes.get(name));
            }
            out.put(fmmbenchName(name), v);
        }
        return out;
    }

    private static String fmmbenchName(String official) {
        Matcher m = LAYER.matcher(official);
        String name = m.matches() ? LAYER_NAMES.get(m.group(2)) : MODEL_NAMES.get(official);
        if (name == null) {
            throw new IllegalStateException("no fmmbench name for official parameter " + official);
        }
        return m.matches() ? "layer" + m.group(1) + "_" + name : name;
    }

    private static float[] reverseRows(float[] v, long[] shape) {
        int rows = (int) shape[0];
        int width = v.length / rows;
        float[] out = new float[v.length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * width, out, (rows - 1 - r) * width, width);
        }
        return out;
    }

    private Map<String, float[]> floats(String file, List<Integer> offsets) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            float[] v = new float[Math.toIntExact(new Shape(e.getValue()).size())];
            bytes.position(offsets.get(i++) * Float.BYTES);
            bytes.asFloatBuffer().get(v);
            out.put(e.getKey(), v);
        }
        return out;
    }

    private List<CSVRecord> csv(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve(file))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    private int integer(String key) {
        return Integer.parseInt(settings.getProperty(key));
    }
}
