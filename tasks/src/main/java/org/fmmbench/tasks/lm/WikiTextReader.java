package org.fmmbench.tasks.lm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.fmmbench.tasks.MalformedDataException;

/**
 * Reads a WikiText {@code wiki.*.tokens} file as the official corpus code (lmtool-fwms / Transformer-XL
 * {@code Vocab.tokenize} with {@code add_eos}) does: each line is stripped, split on whitespace, and followed
 * by {@code <eos>}. Blank lines therefore yield a lone {@code <eos>} (WikiText has one between paragraphs and
 * around headings); tokens such as {@code @-@}, {@code <unk>} and {@code = = Heading = =} markers are kept as
 * they are.
 */
public final class WikiTextReader {
    /** Unicode white space, as Python's {@code str.split()} uses (it also splits on U+00A0 and U+2009). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private WikiTextReader() {
    }

    /** Feeds every token of {@code file} to {@code sink}; returns the number of lines. */
    public static long read(Path file, TokenSink sink) {
        // Lines are decoded one at a time (not through a read-ahead Reader) so that bad bytes are reported
        // with the line they are on.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNo = 0;
        boolean anyToken = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            int b = in.read();
            while (b >= 0) {
                bytes.reset();
                while (b >= 0 && b != '\n') {
                    bytes.write(b);
                    b = in.read();
                }
                b = b < 0 ? b : in.read();
                lineNo++;
                String line;
                try {
                    line = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    throw new MalformedDataException(file, "line " + lineNo, "not UTF-8 text", e);
                }
                if (line.indexOf('\0') >= 0) {
                    throw new MalformedDataException(file, "line " + lineNo, "holds a NUL byte: not a WikiText "
                            + "tokens file");
                }
                for (String token : WHITESPACE.split(line.strip())) {
                    if (!token.isEmpty()) {
                        sink.accept(token, lineNo);
                        anyToken = true;
                    }
                }
                sink.accept(Vocabulary.EOS, lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!anyToken) {
            throw new MalformedDataException(file, lineNo == 0 ? "line 1" : "lines 1-" + lineNo,
                    "holds no words (empty file?): re-extract it from the WikiText archive");
        }
        return lineNo;
    }

    /** Receives tokens with the 1-based line they came from. */
    @FunctionalInterface
    public interface TokenSink {
        void accept(String token, long line);
    }

    /** Convenience for tests: every token, in order. */
    public static void forEach(Path file, Consumer<String> tokens) {
        read(file, (t, line) -> tokens.accept(t));
    }
}
