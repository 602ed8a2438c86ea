package org.fmmbench.tasks.lm;

import java.util.List;
import org.fmmbench.tasks.TaskOptions;

/** Opens a language-modelling corpus by name. */
public final class LmCorpora {
    public static final List<String> NAMES = List.of("wikitext-103", "wikitext-2", EuroparlByteCorpus.NAME);

    private LmCorpora() {
    }

    /**
     * @param name {@code wikitext-103}, {@code wikitext-2} (user files under {@code options.dataDir()}) or
     *     {@code europarl-bytes} (offline; split seeded by {@code options.seed()})
     */
    public static LmCorpus open(String name, TaskOptions options) {
        switch (name) {
            case "wikitext-103":
            case "wikitext-2":
                return WikiTextCorpus.open(name, options.dataDir(), options.cacheDir());
            case EuroparlByteCorpus.NAME:
                return EuroparlByteCorpus.open(options.cacheDir(), options.seed());
            default:
                throw new IllegalArgumentException("unknown language-modelling corpus '" + name + "'; known: "
                        + String.join(", ", NAMES));
        }
    }
}
