package org.fmmbench.tasks.listops;

import java.util.Arrays;

/** The four operators of LRA's ListOps; every value is a digit, so the task has 10 classes. */
public enum ListOpsOperator {
    MIN("[MIN"), MAX("[MAX"), MED("[MED"), SM("[SM");

    private final String symbol;

    ListOpsOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static ListOpsOperator bySymbol(String symbol) {
        for (ListOpsOperator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    public int apply(int[] args) {
        switch (this) {
            case MIN:
                return Arrays.stream(args).min().orElseThrow();
            case MAX:
                return Arrays.stream(args).max().orElseThrow();
            case SM:
                return Arrays.stream(args).sum() % 10;
            default:
                // numpy.median then int(): the mean of the two middle values, truncated (median of 3,4 is 3).
                int[] s = args.clone();
                Arrays.sort(s);
                int n = s.length;
                return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }
}
