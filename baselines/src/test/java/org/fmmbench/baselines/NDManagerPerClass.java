package org.fmmbench.baselines;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of tests whose arrays live in one manager opened before the class's first test and closed after its last,
 * so that a failing test cannot leak native memory into the next class. Test classes run one at a time here
 * (no JUnit parallel execution is configured), so the one static field serves each subclass in turn.
 */
public abstract class NDManagerPerClass {
    protected static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }
}
