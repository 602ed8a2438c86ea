package org.fmmbench.harness.train;

/** The training loss became NaN or infinite; the cell is recorded as diverged. */
public final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int step;
    private final double loss;

    public DivergedException(int step, double loss) {
        super("Training diverged at step " + step + ": loss is " + loss
                + ". Lower the learning rate or check the variant for numerical overflow.");
        this.step = step;
        this.loss = loss;
    }

    public int step() {
        return step;
    }

    public double loss() {
        return loss;
    }
}
