package org.fmmbench.tasks.listops;

import java.util.List;

/**
 * A fixed ListOps vocabulary so ids never depend on file order (LRA's came from a Python set): pad 0, the
 * digits 0-9 as 1-10, the operators 11-14, the closing {@code X} 15, and 16 for anything else.
 */
public final class ListOpsVocabulary {
    public static final List<String> SYMBOLS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "[MIN", "[MAX", "[MED", "[SM", "X");
    public static final int UNKNOWN = SYMBOLS.size() + 1;
    public static final int SIZE = SYMBOLS.size() + 2;

    private ListOpsVocabulary() {
    }

    public static int id(String symbol) {
        int i = SYMBOLS.indexOf(symbol);
        return i < 0 ? UNKNOWN : i + 1;
    }

    /** LRA's tokenisation: {@code ]} becomes {@code X}, parentheses go, whitespace separates tokens. */
    public static String[] tokens(String source) {
        String s = source.replace("]", "X").replace("(", " ").replace(")", " ").trim();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
