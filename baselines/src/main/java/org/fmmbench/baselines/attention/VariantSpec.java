package org.fmmbench.baselines.attention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An attention variant named by a spec string: {@code name} or {@code name:key=value,key=value}.
 *
 * <p>Examples: {@code softmax}, {@code band:k=5}, {@code fmm:k=5,kernels=elu+elu_flip,blend=per_head}.
 * The spec is only syntax; {@link AttentionProvider#create} validates the parameters against what
 * the variant accepts. Parameter order is kept so that {@link #toString()} round-trips.
 */
public final class VariantSpec {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_\\-]*");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final Map<String, String> params;

    private VariantSpec(String name, Map<String, String> params) {
        this.name = name;
        this.params = Collections.unmodifiableMap(params);
    }

    public static VariantSpec of(String name, Map<String, String> params) {
        return new VariantSpec(checkName(name, name), new LinkedHashMap<>(params));
    }

    /** Parses one spec such as {@code fmm:k=5,kernels=elu}. */
    public static VariantSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "Empty attention variant spec: write a name such as 'softmax' or 'band:k=5'.");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = checkName(colon < 0 ? trimmed : trimmed.substring(0, colon), text);
        Map<String, String> params = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = trimmed.substring(colon + 1);
            if (rest.isBlank()) {
                throw new IllegalArgumentException("Variant spec '" + text
                        + "' has a ':' but no parameters: write e.g. '" + name + ":k=5' or just '" + name + "'.");
            }
            for (String pair : rest.split(",", -1)) {
                addParam(params, pair, text);
            }
        }
        return new VariantSpec(name, params);
    }

    /**
     * Parses a comma-separated list of specs, e.g. {@code my-variant,fmm:k=5,kernels=elu,softmax}.
     * A piece holding '=' but no ':' continues the previous spec's parameters, so specs with several
     * parameters can appear in one comma-separated list.
     */
    public static List<VariantSpec> parseList(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split(",", -1)) {
            String p = piece.trim();
            boolean continuation = p.contains("=") && !p.contains(":");
            if (continuation) {
                if (pieces.isEmpty()) {
                    throw new IllegalArgumentException("Variant list '" + text + "' starts with parameter '" + p
                            + "' that belongs to no variant: write 'name:" + p + "'.");
                }
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + "," + p);
            } else {
                pieces.add(p);
            }
        }
        List<VariantSpec> specs = new ArrayList<>();
        for (String piece : pieces) {
            specs.add(parse(piece));
        }
        return specs;
    }

    private static String checkName(String name, String whole) {
        String n = name.trim();
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("Bad variant name '" + n + "' in spec '" + whole
                    + "': names are lower-case letters, digits, '_' or '-', starting with a letter.");
        }
        return n;
    }

    private static void addParam(Map<String, String> params, String pair, String whole) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            throw new IllegalArgumentException("Bad parameter '" + pair + "' in variant spec '" + whole
                    + "': write key=value, e.g. 'band:k=5'.");
        }
        String key = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Bad parameter name '" + key + "' in variant spec '" + whole + "'.");
        }
        if (params.put(key, value) != null) {
            throw new IllegalArgumentException("Parameter '" + key + "' given twice in variant spec '" + whole + "'.");
        }
    }

    public String name() {
        return name;
    }

    public Map<String, String> params() {
        return params;
    }

    @Override
    public String toString() {
        if (params.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append(':');
        String sep = "";
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantSpec other && name.equals(other.name) && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + params.hashCode();
    }
}
