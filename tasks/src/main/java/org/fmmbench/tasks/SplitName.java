package org.fmmbench.tasks;

public enum SplitName {
    TRAIN, VAL, TEST;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
