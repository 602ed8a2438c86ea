package org.fmmbench.tasks.lm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fmmbench.tasks.AtomicDirectory;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.MalformedDataException;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.SplitName;

/**
 * WikiText-103 or WikiText-2 (same format) from the user's {@code wiki.{train,valid,test}.tokens}, word level.
 * The vocabulary is built from train ({@link Vocabulary}); valid and test words outside it map to
 * {@code <unk>} as in the official code (WikiText's own preprocessing already guarantees there are none).
 * The first open writes {@code vocab.txt} and the id streams into the cache; later opens only map them.
 */
public final class WikiTextCorpus {
    static final List<String> FILES = List.of("wiki.train.tokens", "wiki.valid.tokens", "wiki.test.tokens");

    private WikiTextCorpus() {
    }

    /** Where to get the data, for "missing" messages and README "Language modelling". */
    static String howToGet(String name) {
        String archive = name.equals("wikitext-2") ? "wikitext-2-v1.zip" : "wikitext-103-v1.zip";
        return "Download " + archive + " (Salesforce/Merity et al. 2016; mirrored e.g. at "
                + "https://s3.amazonaws.com/research.metamind.io/wikitext/" + archive + " or the Hugging Face "
                + "dataset 'Salesforce/wikitext', config '" + name + "-v1'), unzip it under the data directory and "
                + "pass --data-dir; the directory must hold " + String.join(", ", FILES) + ".";
    }

    public static LmCorpus open(String name, Path dataDir, Path cacheDir) {
        List<String> candidates = List.of("", name, name + "-v1", "wikitext/" + name, "wikitext/" + name + "-v1");
        Path dir = DataFiles.findDir(dataDir, candidates, FILES).orElseThrow(() -> new MissingDataException(
                name + ": " + String.join(", ", FILES) + " not found; " + DataFiles.looked(dataDir, candidates)
                        + ". " + howToGet(name)));
        Path train = dir.resolve(FILES.get(0));
        Path valid = dir.resolve(FILES.get(1));
        Path test = dir.resolve(FILES.get(2));
        Path cache = cacheDir.resolve("lm").resolve(name + "-" + DataFiles.fingerprint(train, valid, test));
        AtomicDirectory.ensure(cache, tmp -> build(tmp, train, valid, test));
        Vocabulary vocab = Vocabulary.load(cache.resolve(CorpusCache.VOCAB));
        return new LmCorpus(name, name + "-files", "word", vocab.size(), vocab, CorpusCache.openStreams(cache));
    }

    /** Builds vocabulary and streams into {@code dir} (package-private for tests). */
    static void build(Path dir, Path train, Path valid, Path test) throws java.io.IOException {
        Vocabulary.Counter counter = new Vocabulary.Counter();
        WikiTextReader.read(train, (token, line) -> counter.add(token));
        Vocabulary vocab = counter.build();
        vocab.save(dir.resolve(CorpusCache.VOCAB));
        for (Map.Entry<SplitName, Path> e : Map.of(SplitName.TRAIN, train, SplitName.VAL, valid, SplitName.TEST,
                test).entrySet()) {
            CorpusCache.write(dir, e.getKey(), w -> encode(e.getValue(), vocab, w));
        }
    }

    private static void encode(Path file, Vocabulary vocab, TokenStreamWriter out) {
        int unk = vocab.id(Vocabulary.UNK);
        WikiTextReader.read(file, (token, line) -> {
            int id = vocab.id(token);
            if (id < 0) {
                if (unk < 0) {
                    throw new MalformedDataException(file, "line " + line, "word '" + token + "' is not in the "
                            + "training vocabulary and the training file has no " + Vocabulary.UNK
                            + " token to map it to: use the *.tokens files, not the *.raw ones");
                }
                id = unk;
            }
            try {
                out.add(id);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException("cannot write " + out, ex);
            }
        });
    }
}
