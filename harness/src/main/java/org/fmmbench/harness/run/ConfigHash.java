package org.fmmbench.harness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fmmbench.harness.config.CellConfig;

/** SHA-256 of the canonical JSON of a {@link CellConfig}: properties sorted, no whitespace. */
public final class ConfigHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ConfigHash() {
    }

    public static String canonicalJson(CellConfig cell) {
        try {
            return CANONICAL.writeValueAsString(cell);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CellConfig must always serialise", e);
        }
    }

    public static String of(CellConfig cell) {
        return sha256(canonicalJson(cell));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
