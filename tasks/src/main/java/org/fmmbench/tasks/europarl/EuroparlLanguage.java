package org.fmmbench.tasks.europarl;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which of Europarl's 21 languages a text is in. The corpus lines carry no language field, so this
 * scores each language by its frequent function words and by letters only a few languages use (ř, ő, ą,
 * ș ...); a word or letter shared by k languages adds 1/k to each. Greek and Cyrillic letters settle el
 * and bg. Deterministic, and right on every line we spot-checked; texts with no evidence get -1.
 */
public final class EuroparlLanguage {
    /** Class ids are indices into this list (ISO 639-1 codes, alphabetical). */
    public static final List<String> CODES = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr",
            "hu", "it", "lt", "lv", "nl", "pl", "pt", "ro", "sk", "sl", "sv");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("en", "the and of to is that which this with we are have it not for be was will would there"),
            Map.entry("de", "der die und das ist nicht ich wir den mit auch sich dem zu auf für eine sind werden wird"),
            Map.entry("fr", "le les et des est une que nous dans pour qui pas du sur au ce ont cette sont"),
            Map.entry("es", "el los las y que una por con para del es se no muy también pero como sobre está han"),
            Map.entry("pt", "os as não uma com para do da dos das que é em também mas ao pelo pela são está"),
            Map.entry("it", "il della che di non è per sono gli delle una anche nel alla questo del molto stato"),
            Map.entry("nl", "de het een en van dat niet zijn wij voor op ook met deze er worden is om"),
            Map.entry("da", "og det er at ikke en til af for der vi med har som de på også jeg skal"),
            Map.entry("sv", "och det att är inte som av en för till vi med har på jag också om den ska"),
            Map.entry("fi", "ja on että ei se tämä myös ovat joka mutta kuin olla tai sen mitä tämän ole jotka"),
            Map.entry("et", "ja on et ei see ka mis kui aga oma seda selle või mida peab oleks ning kõik tuleb"),
            Map.entry("hu", "az és hogy nem is egy ez meg már csak kell van mint ami amely azt ezt hanem"),
            Map.entry("pl", "i w na z że nie się do jest to jak oraz przez dla które tym również"),
            Map.entry("cs", "se na že je v to které jsou také pro jak není této bylo jsem který nebo aby"),
            Map.entry("sk", "sa na že je v to ktoré sú aj pre ako nie tejto bolo som ktorý alebo"),
            Map.entry("sl", "in je da se na za v ki so tudi ne pa bi z kot ter smo lahko zato vendar"),
            Map.entry("lt", "ir kad yra bei tai kaip su į už taip šiuo dėl būtų jų apie mes"),
            Map.entry("lv", "un ir ka uz ar par kas arī no lai tas šajā vai mēs bet jo tiek"),
            Map.entry("ro", "și în că la este nu pe cu care pentru mai sunt acest din"),
            Map.entry("bg", "и на за да е в от че се това не с са които по"),
            Map.entry("el", "και το να η της την για του που με είναι στην τα δεν οι"));
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ro", "ășțşţ"), Map.entry("pt", "ãõ"), Map.entry("es", "ñ¿¡"), Map.entry("sk", "ľĺŕô"),
            Map.entry("cs", "řěů"), Map.entry("pl", "ąęłśźżćń"), Map.entry("hu", "őű"), Map.entry("lv", "āēīģķļņ"),
            Map.entry("lt", "ėįų"), Map.entry("da", "æø"), Map.entry("de", "ß"), Map.entry("et", "õ"));

    private static final Map<String, double[]> WORD_SCORES = new HashMap<>();
    private static final Map<Integer, double[]> LETTER_SCORES = new HashMap<>();

    static {
        WORDS.forEach((lang, words) -> {
            for (String w : words.split(" ")) {
                WORD_SCORES.computeIfAbsent(w, k -> new double[CODES.size()])[CODES.indexOf(lang)] = 1;
            }
        });
        LETTERS.forEach((lang, letters) -> letters.codePoints().forEach(
                c -> LETTER_SCORES.computeIfAbsent(c, k -> new double[CODES.size()])[CODES.indexOf(lang)] = 1));
        for (Map<?, double[]> m : List.of(WORD_SCORES, LETTER_SCORES)) {
            for (double[] s : m.values()) {
                double k = java.util.Arrays.stream(s).sum();
                for (int i = 0; i < s.length; i++) {
                    s[i] /= k;
                }
            }
        }
    }

    private EuroparlLanguage() {
    }

    /** The index into {@link #CODES} of the most likely language, or -1 when the text gives no evidence. */
    public static int detect(String text) {
        double[] score = new double[CODES.size()];
        String lower = text.toLowerCase(Locale.ROOT);
        int greek = CODES.indexOf("el");
        int cyrillic = CODES.indexOf("bg");
        int i = 0;
        while (i < lower.length()) {
            int c = lower.codePointAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < lower.length() && Character.isLetter(lower.codePointAt(i))) {
                    int l = lower.codePointAt(i);
                    add(score, LETTER_SCORES.get(l));
                    Character.UnicodeScript script = Character.UnicodeScript.of(l);
                    if (script == Character.UnicodeScript.GREEK) {
                        score[greek] += 1;
                    } else if (script == Character.UnicodeScript.CYRILLIC) {
                        score[cyrillic] += 1;
                    }
                    i += Character.charCount(l);
                }
                add(score, WORD_SCORES.get(lower.substring(start, i)));
            } else {
                i += Character.charCount(c);
            }
        }
        int best = -1;
        for (int k = 0; k < score.length; k++) {
            if (score[k] > 0 && (best < 0 || score[k] > score[best])) {
                best = k;
            }
        }
        return best;
    }

    private static void add(double[] score, double[] s) {
        if (s != null) {
            for (int k = 0; k < s.length; k++) {
                score[k] += s[k];
            }
        }
    }
}
