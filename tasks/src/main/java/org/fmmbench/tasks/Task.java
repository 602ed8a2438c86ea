package org.fmmbench.tasks;

/**
 * A classification task: fixed-length token-id sequences with labels, split three ways.
 *
 * <p>Padding is always token id {@link TaskInfo#padId()} (0); the models treat every 0 as padding, as the
 * official code does. A task may hold open files (memory-mapped caches), hence {@link AutoCloseable}.
 */
public interface Task extends AutoCloseable {
    TaskInfo info();

    Split split(SplitName which);

    /** Tokens of content kept per document before padding to {@link TaskInfo#seqLength()}. */
    default int contentLength() {
        return info().seqLength();
    }

    @Override
    void close();
}
