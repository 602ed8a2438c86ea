package org.fmmbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.model.EncoderConfig;
import org.fmmbench.baselines.model.LraClassifier;
import org.fmmbench.tasks.SplitName;
import org.junit.jupiter.api.Test;

class ParameterSnapshotTest {
    @Test
    void restoringASnapshotBringsBackExactlyTheSavedModel() {
        Engine.getInstance().setRandomSeed(11);
        MarkerTask task = new MarkerTask(16, 1, 64, 8, 8, 11);
        EncoderConfig config = EncoderConfig.paper(MarkerTask.VOCAB, 16).dim(16).mlpDim(32)
                .variant("softmax").build();
        LraClassifier block = new LraClassifier(config, 2, VariantRegistry.load());
        try (Model model = Model.newInstance("snapshot")) {
            model.setBlock(block);
            TorchAdamW optimizer = TorchAdamW.oneCycle(new OneCycleSchedule(1e-2, 10, 2)).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer))) {
                trainer.initialize(new Shape(8, 16));
                BatchAssembler assembler = new BatchAssembler(task.split(SplitName.TRAIN), task.info(), 8);
                int[] examples = {0, 1, 2, 3, 4, 5, 6, 7};
                float[] saved = logits(trainer, assembler, examples);
                ParameterSnapshot snapshot = ParameterSnapshot.of(block);

                for (int step = 0; step < 3; step++) {
                    try (NDManager sm = trainer.getManager().newSubManager()) {
                        BatchAssembler.Batch batch = assembler.assemble(sm, examples);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            gc.backward(trainer.getLoss().evaluate(new NDList(batch.labels()),
                                    trainer.forward(batch.inputs())));
                        }
                        trainer.step();
                    }
                }
                assertFalse(Arrays.equals(saved, logits(trainer, assembler, examples)), "training must move the model");
                snapshot.restoreInto(block);
                assertArrayEquals(saved, logits(trainer, assembler, examples), 0f);
            }
        }
    }

    private static float[] logits(Trainer trainer, BatchAssembler assembler, int[] examples) {
        try (NDManager sm = trainer.getManager().newSubManager()) {
            return trainer.evaluate(assembler.assemble(sm, examples).inputs()).singletonOrThrow().toFloatArray();
        }
    }
}
