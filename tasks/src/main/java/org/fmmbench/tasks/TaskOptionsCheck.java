package org.fmmbench.tasks;

import java.util.List;

/** Rejects impossible options before any file is touched. */
final class TaskOptionsCheck {
    private TaskOptionsCheck() {
    }

    static void validate(TaskOptions o) {
        if (o.cacheDir() == null) {
            throw new IllegalArgumentException("no cache directory given (default: " + TaskOptions.defaultCacheDir() + ")");
        }
        if (o.seqLength() < 0) {
            throw new IllegalArgumentException("seqLength must be >= 0 (0 = the paper's length), got " + o.seqLength());
        }
        if (o.maxTrain() < 0 || o.maxVal() < 0 || o.maxTest() < 0) {
            throw new IllegalArgumentException("maxTrain/maxVal/maxTest must be >= 0 (0 = all), got "
                    + o.maxTrain() + "/" + o.maxVal() + "/" + o.maxTest());
        }
        if (!List.of("auto", "pad", "shift").contains(o.pixelZero())) {
            throw new IllegalArgumentException("pixelZero must be 'auto', 'pad' or 'shift', got '" + o.pixelZero() + "'");
        }
        if (o.contentLength() < 0 || (o.seqLength() > 0 && o.contentLength() > o.seqLength())) {
            throw new IllegalArgumentException("contentLength must be in [0, seqLength] (0 = all of seqLength), got "
                    + o.contentLength() + " with seqLength " + o.seqLength());
        }
        if (o.seqLength() == 0 && o.contentLength() > 0) {
            throw new IllegalArgumentException("contentLength " + o.contentLength() + " needs an explicit seqLength "
                    + "(the padded length); with seqLength 0 the task uses the paper's lengths");
        }
        if (o.source() == null || o.source().isBlank()) {
            throw new IllegalArgumentException("source must be 'auto' or a data source name");
        }
    }
}
