package org.fmmbench.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.baselines.lm.PositionScheme;
import org.fmmbench.baselines.lm.TransformerLm;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.tasks.lm.LmBatches;

/**
 * One optimiser step of the language-model trainer, as the official {@code train.py} takes it: the next segment
 * batch in {@link LmBatches} order (cycling through the epochs), the batch-mean loss back-propagated in
 * micro-batches ({@link MicroBatches}), the global gradient norm clipped, and one PyTorch Adam update
 * ({@link TorchAdamW#warmupCosine}) at the {@link WarmupCosineSchedule} rate. {@link LmCellTrainer} runs it; the parity
 * test with the official code runs the same object.
 */
final class LmTrainStep {
    /** What one step measured: its batch-mean loss and the global gradient norm before clipping (NaN unclipped). */
    record Outcome(double loss, double gradientNorm) {
    }

    private final TransformerLm model;
    private final ParameterStore store;
    private final LmBatches batches;
    private final TrainConfig train;
    private final int context;
    private final WarmupCosineSchedule schedule;
    private final TorchAdamW adam;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final int[] inputs;
    private final int[] targets;
    /** Whether the model numbers tokens by stream index, so each segment's offset goes with it. */
    private final boolean streamPositions;

    LmTrainStep(TransformerLm model, ParameterStore store, LmBatches batches, TrainConfig train) {
        this(model, store, batches, train, 0);
    }

    /** A step that continues after {@code completedSteps} steps (a resumed cell: the optimiser counts on from them). */
    LmTrainStep(TransformerLm model, ParameterStore store, LmBatches batches, TrainConfig train, int completedSteps) {
        this.model = model;
        this.store = store;
        this.batches = batches;
        this.train = train;
        this.context = model.config().context();
        this.schedule = new WarmupCosineSchedule(train.lr(), train.steps(), train.warmupSteps());
        this.adam = TorchAdamW.warmupCosine(schedule).optWeightDecays((float) train.weightDecay())
                .optBeginNumUpdate(completedSteps).build();
        // The output layer shares the embedding table: one entry per parameter id, so it is updated once.
        for (Pair<String, Parameter> p : model.getParameters()) {
            parameters.putIfAbsent(p.getValue().getId(), p.getValue());
        }
        this.inputs = new int[train.batchSize() * context];
        this.targets = new int[train.batchSize() * context];
        this.streamPositions = model.config().positions() == PositionScheme.STREAM;
    }

    /** The optimiser's moments, for checkpoints. */
    OptimizerMoments moments() {
        return adam.moments();
    }

    WarmupCosineSchedule schedule() {
        return schedule;
    }

    /**
     * Step {@code step} (1-based) on batch {@code (step - 1) mod count}; everything it allocates dies with it.
     *
     * @throws DivergedException as soon as a pass's loss is NaN or infinite
     */
    Outcome run(NDManager manager, int step, StepTimes times) {
        long batch = (step - 1) % batches.count();
        batches.fill(batch, inputs, targets);
        try (NDManager stepManager = manager.newSubManager()) {
            StepTimes.Start start = times.start();
            double loss = MicroBatches.backward(stepManager, step, train.batchSize(), train.examplesPerPass(),
                    (passManager, from, count) -> {
                        Shape shape = new Shape(count, context);
                        NDArray x = passManager.create(IntBuffer.wrap(inputs, from * context, count * context)
                                .slice(), shape);
                        NDArray y = passManager.create(IntBuffer.wrap(targets, from * context, count * context)
                                .slice(), shape);
                        NDList in = new NDList(x, y);
                        if (streamPositions) {
                            long[] first = new long[count];
                            for (int row = 0; row < count; row++) {
                                first[row] = batches.start(batch, from + row);
                            }
                            in.add(passManager.create(first));
                        }
                        return model.forward(store, in, true).singletonOrThrow().mean().neg();
                    });
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            for (Parameter p : parameters.values()) {
                NDArray g = p.getArray().getGradient();
                g.attach(stepManager);
                gradients.add(g);
            }
            double norm = train.gradClip() > 0 ? GlobalNormClip.clip(gradients, train.gradClip()) : Double.NaN;
            int i = 0;
            for (Parameter p : parameters.values()) {
                adam.update(p.getId(), p.getArray(), gradients.get(i++));
            }
            times.stop(start);
            return new Outcome(loss, norm);
        }
    }
}
