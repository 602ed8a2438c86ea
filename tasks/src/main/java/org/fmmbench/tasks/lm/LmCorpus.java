package org.fmmbench.tasks.lm;

import java.util.EnumMap;
import java.util.Map;
import org.fmmbench.tasks.SplitName;

/**
 * A language-modelling corpus: one token stream per split, ids in [0, vocabSize).
 *
 * @param name corpus name, e.g. {@code wikitext-103}
 * @param dataSource recorded with every result, e.g. {@code wikitext-103-files} or {@code europarl-bytes}
 * @param unit what one token is: {@code word} or {@code byte} (perplexity per word, bits per byte)
 * @param vocabSize number of distinct ids
 * @param vocabulary the words of a word-level corpus, {@code null} for bytes
 */
public record LmCorpus(String name, String dataSource, String unit, int vocabSize, Vocabulary vocabulary,
        Map<SplitName, TokenStream> streams) implements AutoCloseable {

    public LmCorpus {
        streams = java.util.Collections.unmodifiableMap(new EnumMap<>(streams));
    }

    public TokenStream stream(SplitName split) {
        return streams.get(split);
    }

    @Override
    public void close() {
        streams.values().forEach(TokenStream::close);
    }
}
