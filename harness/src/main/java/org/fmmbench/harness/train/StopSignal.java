package org.fmmbench.harness.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns a request to stop this JVM (SIGTERM from a scheduler or a cell timeout, Ctrl-C) into a checkpoint: a shutdown
 * hook raises a flag and holds the JVM open until the training loop, at the end of the step in progress, has
 * written its checkpoint, or until {@link Checkpointing#STOP_GRACE_SECONDS} have passed (a step longer than that loses its work
 * since the last periodic checkpoint).
 */
final class StopSignal implements AutoCloseable {
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitCheckpoint, "checkpoint-on-stop");
    private volatile boolean requested;

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    boolean requested() {
        return requested;
    }

    /** Called once the stop checkpoint is on disk: lets the JVM finish exiting and parks this thread until it has. */
    void checkpointWritten() {
        saved.countDown();
        while (true) {
            LockSupport.park(this);
        }
    }

    private void awaitCheckpoint() {
        requested = true;
        try {
            saved.await(Checkpointing.STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Training is over: a stop from now on has nothing to save. */
    @Override
    public void close() {
        saved.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook has been released above
        }
    }
}
