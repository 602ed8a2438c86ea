package org.fmmbench.tasks;

/**
 * How many tokens of a document are kept ({@code content}) and how long the padded sequence is
 * ({@code padded}). The paper's configs keep LRA's length and pad it further (ListOps 2000 to 2048, Text
 * 1000 to 1024, Retrieval 4000 to 4096); an explicit length means "keep that many and pad to that many".
 */
public record SequenceLength(int content, int padded) {
    public static SequenceLength resolve(int requested, int paperContent, int paperPadded) {
        return requested == 0 ? new SequenceLength(paperContent, paperPadded) : new SequenceLength(requested, requested);
    }
}
