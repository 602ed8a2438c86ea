package org.fmmbench.tasks;

/**
 * The baseline a stand-in must not be solvable by: multinomial Naive Bayes over the token counts of each
 * example (all documents together, padding ignored), add-one smoothing, trained on one split and scored on another.
 */
public final class BagOfBytesNaiveBayes {
    private final double[] logPrior;
    private final double[][] logLikelihood;

    private BagOfBytesNaiveBayes(double[] logPrior, double[][] logLikelihood) {
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
    }

    public static BagOfBytesNaiveBayes train(TaskInfo info, Split split) {
        int classes = info.numClasses();
        double[] prior = new double[classes];
        double[][] counts = new double[classes][info.vocabSize()];
        for (int i = 0; i < split.size(); i++) {
            int label = split.label(i);
            prior[label]++;
            for (int token : tokens(info, split, i)) {
                counts[label][token]++;
            }
        }
        double[][] log = new double[classes][info.vocabSize()];
        for (int c = 0; c < classes; c++) {
            double total = info.vocabSize();
            for (int t = 1; t < info.vocabSize(); t++) {
                total += counts[c][t];
            }
            for (int t = 1; t < info.vocabSize(); t++) {
                log[c][t] = Math.log((counts[c][t] + 1) / total);
            }
            prior[c] = Math.log(Math.max(prior[c], 1) / split.size());
        }
        return new BagOfBytesNaiveBayes(prior, log);
    }

    /** Accuracy on {@code split}. */
    public double accuracy(TaskInfo info, Split split) {
        int right = 0;
        for (int i = 0; i < split.size(); i++) {
            double[] score = logPrior.clone();
            for (int token : tokens(info, split, i)) {
                if (token != info.padId()) {
                    for (int c = 0; c < score.length; c++) {
                        score[c] += logLikelihood[c][token];
                    }
                }
            }
            int best = 0;
            for (int c = 1; c < score.length; c++) {
                best = score[c] > score[best] ? c : best;
            }
            right += best == split.label(i) ? 1 : 0;
        }
        return right / (double) split.size();
    }

    /** The share of the most frequent label: the accuracy of always guessing it. */
    public static double majorityRate(TaskInfo info, Split split) {
        int[] count = new int[info.numClasses()];
        for (int i = 0; i < split.size(); i++) {
            count[split.label(i)]++;
        }
        return java.util.Arrays.stream(count).max().orElse(0) / (double) split.size();
    }

    private static int[] tokens(TaskInfo info, Split split, int index) {
        int[] all = new int[info.seqLength() * info.documents()];
        int[] doc = new int[info.seqLength()];
        for (int d = 0; d < info.documents(); d++) {
            split.tokens(index, d, doc);
            System.arraycopy(doc, 0, all, d * doc.length, doc.length);
        }
        return all;
    }
}
