package org.fmmbench.harness.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's reported test accuracies, from {@code paper-results.yaml} (the one place they are kept).
 *
 * @param label how reports name the reference, e.g. "paper (Table 1)"
 * @param accuracy row label -> task -> accuracy in percent
 * @param data task -> the data set the paper used on it
 * @param perplexityLabel how reports name the language-modelling reference
 * @param perplexityNote where the perplexities come from
 * @param perplexity row label -> WikiText-103 test perplexity
 * @param unknown rows the paper reports whose values are not known here
 */
public record PaperResults(String label, String note, Map<String, Map<String, Double>> accuracy,
        Map<String, PaperData> data, String perplexityLabel, String perplexityNote, Map<String, Double> perplexity,
        Unknown unknown) {
    /** What a report prints for a row the paper has but whose value is not known here. */
    public static final String UNKNOWN = "unknown";

    /**
     * @param accuracy LRA rows of the paper's Table 1 without known values
     * @param perplexity language-modelling rows of the paper without known values
     */
    public record Unknown(List<String> accuracy, List<String> perplexity) {
        public Unknown {
            accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
            perplexity = perplexity == null ? List.of() : List.copyOf(perplexity);
        }
    }

    public PaperResults {
        unknown = unknown == null ? new Unknown(null, null) : unknown;
    }

    /**
     * @param paper the data set the paper trained on
     * @param sources fmmbench data source names that read exactly that data set
     */
    public record PaperData(String paper, List<String> sources) {
    }

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static PaperResults load() {
        try (InputStream in = PaperResults.class.getResourceAsStream("/paper-results.yaml")) {
            return YAML.readValue(in, PaperResults.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the built-in paper-results.yaml", e);
        }
    }

    /** The paper's accuracy in percent, or {@code null} where it reports none. */
    public Double accuracy(String row, String task) {
        Map<String, Double> byTask = accuracy.get(row);
        return byTask == null ? null : byTask.get(task);
    }

    /** The paper's WikiText-103 test perplexity of a row, or {@code null} where it reports none. */
    public Double perplexity(String row) {
        return perplexity == null ? null : perplexity.get(row);
    }

    /** The paper's accuracy of (row, task) as a report prints it: the value, "unknown", or empty if not reported. */
    public String accuracyText(String row, String task) {
        Double v = accuracy(row, task);
        return v != null ? String.format(Locale.ROOT, "%.2f", v) : unknown.accuracy().contains(row) ? UNKNOWN : "";
    }

    /** The paper's perplexity of a row as a report prints it: the value, "unknown", or empty if not reported. */
    public String perplexityText(String row) {
        Double v = perplexity(row);
        return v != null ? String.format(Locale.ROOT, "%.2f", v) : unknown.perplexity().contains(row) ? UNKNOWN : "";
    }

    /** The rows of the paper's LRA table: those with values, then those whose values are unknown. */
    public List<String> accuracyRows() {
        List<String> rows = new ArrayList<>(accuracy.keySet());
        unknown.accuracy().stream().filter(r -> !rows.contains(r)).forEach(rows::add);
        return rows;
    }

    public String paperData(String task) {
        PaperData d = data.get(task);
        return d == null ? "?" : d.paper();
    }

    /** Whether {@code source} is the data the paper used on {@code task} (not a stand-in). */
    public boolean isPaperData(String task, String source) {
        PaperData d = data.get(task);
        return d != null && d.sources().contains(source);
    }

    /** A data source as a report shows it: stand-ins are named as such, e.g. "fashion-mnist (stand-in for CIFAR-10 grayscale)". */
    public String describeSource(String task, String source) {
        PaperData d = data.get(task);
        if (d == null || d.sources().contains(source)) {
            return source;
        }
        return source + " (stand-in for " + d.paper() + ")";
    }
}
