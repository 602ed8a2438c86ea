package org.fmmbench.harness.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** What a JMH worker thread needs before it touches the PyTorch engine (public for the scaling package's ceiling benchmark). */
public final class WorkerThreads {
    private WorkerThreads() {
    }

    /**
     * Turns PyTorch's thread-local autograd recording off on the calling thread, as DJL does only on the thread
     * that first loads the engine. Without it, a worker thread of a JVM whose engine was loaded elsewhere (JMH
     * without forks, tests) records graphs in inference and fails the optimiser's in-place update of parameters.
     * Gradient collectors switch recording on for their own scope.
     */
    public static void prepare() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }
}
