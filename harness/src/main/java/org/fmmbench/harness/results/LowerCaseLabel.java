package org.fmmbench.harness.results;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum written in files and on the command line as its constant's name in lower case, with '-' for '_'
 * ({@code SKIPPED_OOM} is {@code skipped-oom}): one naming rule and one lookup instead of a label field and a
 * search loop per enum.
 */
public interface LowerCaseLabel {
    /** The constant's name (an enum's own {@code name()}). */
    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} labelled {@code text}, read as typed on a command line (blanks around it and
     * any case allowed).
     *
     * @param refusal the message when none is, naming the choices; {@code %s} stands for {@code text}
     * @throws IllegalArgumentException with {@code refusal} when no constant has that label
     */
    static <E extends Enum<E> & LowerCaseLabel> E parse(Class<E> type, String text, String refusal) {
        String label = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT, refusal, text)));
    }
}
