package org.fmmbench.baselines.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Linear(in, hidden) - ReLU - Linear(hidden, classes) on pooled features (B, in); outputs logits (B, classes). */
public final class ClassifierHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Linear hidden;
    private final Linear logits;

    public ClassifierHead(int inFeatures, int hiddenUnits, int classes) {
        super(VERSION);
        if (classes < 2) {
            throw new IllegalArgumentException("A classifier needs at least 2 classes, got " + classes + ".");
        }
        hidden = addChildBlock("hidden", TorchDefaults.linear(inFeatures, hiddenUnits));
        logits = addChildBlock("logits", TorchDefaults.linear(hiddenUnits, classes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList h = new NDList(Activation.relu(hidden.forward(store, inputs, training).singletonOrThrow()));
        return logits.forward(store, h, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, inputShapes);
        logits.initialize(manager, dataType, hidden.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return logits.getOutputShapes(hidden.getOutputShapes(inputShapes));
    }
}
