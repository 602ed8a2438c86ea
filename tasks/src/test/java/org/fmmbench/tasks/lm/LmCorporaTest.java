package org.fmmbench.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fmmbench.tasks.MissingDataException;
import org.fmmbench.tasks.TaskOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmCorporaTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownCorpusNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LmCorpora.open("wikitext-3", TaskOptions.defaults(tmp)));
        assertTrue(e.getMessage().contains("wikitext-103") && e.getMessage().contains("europarl-bytes"),
                e.getMessage());
    }

    @Test
    void wikiTextWithoutADataDirectorySaysHowToGetIt() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> LmCorpora.open("wikitext-103", TaskOptions.defaults(tmp)));
        assertTrue(e.getMessage().contains("wikitext-103-v1.zip"), e.getMessage());
    }
}
