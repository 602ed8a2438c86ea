package org.fmmbench.tasks.europarl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EuroparlLanguageTest {
    private static String detect(String text) {
        int k = EuroparlLanguage.detect(text);
        return k < 0 ? "none" : EuroparlLanguage.CODES.get(k);
    }

    @Test
    void tellsCloseLanguagesApart() {
        assertEquals("cs", detect("Vysvětlení hlasování je to významný krok směrem k lepší ochraně spotřebitelů, které jsou také"));
        assertEquals("sk", detect("Správa o pokroku Chorvátska za rok 2009, ktoré sú aj pre nás dôležité"));
        assertEquals("da", detect("Det er ikke muligt, og vi har også sagt det til Kommissionen."));
        assertEquals("sv", detect("Det är inte möjligt och vi har också sagt det till kommissionen."));
        assertEquals("es", detect("El Consejo incluyó esa cuestión en el plan de acción para los ciudadanos."));
        assertEquals("pt", detect("O número de mulheres que cometem suicídio não é uma questão menor."));
        assertEquals("el", detect("Σχέδιο διορθωτικού προϋπολογισμού αριθ. 2/2007 (ψηφοφορία)"));
        assertEquals("bg", detect("Обяснение на вот"));
        assertEquals("none", detect("2007 - 2013"));
    }

    @Test
    void theRealCorpusHasAllTwentyOneLanguagesAndFewUndetectedLines() {
        List<EuroparlCorpus.Document> docs = EuroparlCorpus.load();
        assertEquals(17_597, docs.size());
        int[] h = EuroparlCorpus.histogram(docs);
        for (int k = 0; k < h.length; k++) {
            assertTrue(h[k] >= 200, EuroparlLanguage.CODES.get(k) + " has only " + h[k] + " lines");
        }
        long undetected = docs.stream().filter(d -> d.language() < 0).count();
        assertTrue(undetected < 50, undetected + " lines without a language");
    }
}
