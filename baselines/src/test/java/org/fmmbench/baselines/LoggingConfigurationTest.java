package org.fmmbench.baselines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** simplelogger.properties, which every fmmbench JVM reads: DJL's GPU-count warning on a CPU machine is silenced. */
class LoggingConfigurationTest {
    @Test
    void cudaDetectionWarningsAreSilencedButItsErrorsStillShow() {
        Logger cuda = LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils");
        assertFalse(cuda.isWarnEnabled(), "CudaUtils warns 'Failed to detect GPU count' in every CPU cell");
        assertTrue(cuda.isErrorEnabled());
        assertTrue(LoggerFactory.getLogger("ai.djl.engine.Engine").isWarnEnabled(), "other warnings still show");
    }
}
