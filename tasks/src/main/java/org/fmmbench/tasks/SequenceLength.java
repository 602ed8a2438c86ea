package org.fmmbench.tasks;

/**
 * How many tokens of a document are kept ({@code content}) and how long the padded sequence is
 * ({@code padded}). The paper's configs keep LRA's length and pad it further (ListOps 2000 to 2048, Text
 * 1000 to 1024, Retrieval 4000 to 4096); a profile states both with {@code seqLength} (padded) and
 * {@code contentLength} (kept), and an explicit {@code seqLength} alone means "keep that many and pad to that many".
 */
public record SequenceLength(int content, int padded) {
    /**
     * The lengths the options ask for: the paper's when {@code seqLength} is 0, else {@code contentLength} (all of
     * {@code seqLength} when 0) padded to {@code seqLength}.
     */
    public static SequenceLength of(TaskOptions o, int paperContent, int paperPadded) {
        if (o.seqLength() == 0) {
            return new SequenceLength(paperContent, paperPadded);
        }
        return new SequenceLength(o.contentLength() > 0 ? o.contentLength() : o.seqLength(), o.seqLength());
    }
}
