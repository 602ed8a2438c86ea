package org.fmmbench.harness.bench;

import java.util.Locale;
import org.fmmbench.tasks.listops.ListOpsVocabulary;

/**
 * Input shape of each LRA task's paper model, enough to time a training step on random tokens without the
 * task's data: sequence length N (per document), vocabulary, classes, documents per example and the paper's
 * batch size (fmmformer.md section 2; vocabularies as the task providers report them).
 */
public enum LraTaskShape {
    LISTOPS(2048, ListOpsVocabulary.SIZE, 10, 1, 32),
    TEXT(1024, 257, 2, 1, 32),
    RETRIEVAL(4096, 257, 2, 2, 32),
    IMAGE(1024, 256, 10, 1, 256),
    PATHFINDER(1024, 256, 2, 1, 256);

    public final int seqLength;
    public final int vocabSize;
    public final int classes;
    public final int documents;
    public final int paperBatch;

    LraTaskShape(int seqLength, int vocabSize, int classes, int documents, int paperBatch) {
        this.seqLength = seqLength;
        this.vocabSize = vocabSize;
        this.classes = classes;
        this.documents = documents;
        this.paperBatch = paperBatch;
    }

    public String taskName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LraTaskShape of(String task) {
        for (LraTaskShape s : values()) {
            if (s.taskName().equals(task.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown LRA task '" + task
                + "': use listops, text, retrieval, image or pathfinder.");
    }
}
