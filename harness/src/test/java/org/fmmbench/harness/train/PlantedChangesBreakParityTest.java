package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import org.fmmbench.baselines.model.SequenceClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parity check of {@link OfficialTrajectoryParityTest} is sharp enough to catch one-line mistakes: each
 * planted change, replayed against the official ListOps fmm2_band5 trajectory, leaves the tolerances.
 */
class PlantedChangesBreakParityTest {
    private static final String ROW = "fmm2_band5";

    @ParameterizedTest
    @EnumSource(PlantedClassifier.Plant.class)
    void aPlantedModelChangeFailsTheParityCheck(PlantedClassifier.Plant plant) {
        OfficialTrajectory official = OfficialTrajectory.load(ROW);
        OfficialTrajectoryReplay.Deviation d = OfficialTrajectoryReplay.compare(official,
                OfficialTrajectoryReplay.replay(official,
                        (documents, config, classes, registry) -> new PlantedClassifier(config, classes, registry,
                                plant),
                        CellTrainer::trainingConfig));
        assertFalse(d.within(), plant + " went unnoticed: " + d);
    }

    /** DJL's own AdamW keeps beta1 at 0.9 where OneCycleLR cycles it between 0.95 and 0.85. */
    @Test
    void momentumThatDoesNotCycleFailsTheParityCheck() {
        OfficialTrajectory official = OfficialTrajectory.load(ROW);
        OfficialTrajectoryReplay.Deviation d = OfficialTrajectoryReplay.compare(official,
                OfficialTrajectoryReplay.replay(official, SequenceClassifier::create,
                        (schedule, train, device) -> new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                                .optOptimizer(new GradientClearing(Optimizer.adamW().optLearningRateTracker(schedule)
                                        .optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-6f).optWeightDecays(0f).build()))
                                .optDevices(new ai.djl.Device[] {device})));
        assertFalse(d.within(), "A fixed beta1 went unnoticed: " + d);
    }

    /** Clears each gradient after the update, as TorchAdamW does (DJL's PyTorch gradients accumulate). */
    private static final class GradientClearing extends Optimizer {
        private final Optimizer inner;

        GradientClearing(Optimizer inner) {
            super(new NoSettings());
            this.inner = inner;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            inner.update(parameterId, weight, grad);
            JniUtils.zeroGrad((PtNDArray) weight);
        }

        /** The wrapper has no settings of its own; the wrapped optimiser has them all. */
        private static final class NoSettings extends Optimizer.OptimizerBuilder<NoSettings> {
            @Override
            protected NoSettings self() {
                return this;
            }
        }
    }
}
