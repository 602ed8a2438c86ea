package org.fmmbench.harness.compare;

/**
 * One measured cell of either file kind, reduced to what {@code compare} looks at.
 *
 * @param source which file it came from, {@code results} or {@code scaling}
 * @param key identity matched between baseline and candidate, also shown in the table
 * @param group cells of one run that share a reference cell (same task, profile and seed, or same N and shape)
 * @param reference whether this is the reference cell of its group
 * @param quality accuracy in percent or perplexity, {@code null} when the cell has none
 * @param configHash the configuration hash of a results cell, {@code null} for scaling rows
 * @param dataFingerprint what the cell's data hashed to, {@code null} where the run did not record it
 * @param run the run directory the cell came from: cells of one key from several runs are repeats
 * @param calibrationMs that run's calibration time in the compared clock, {@code null} if it has none
 * @param row the row name of a results cell (one paper row across tasks, whatever each task's variant spec), whose
 *        cells' step times are also judged pooled; {@code null} for scaling cells (not pooled)
 * @param seedless the key without the seed, grouping a cell's seeds for the mean over seeds; {@code null} for
 *        scaling cells
 */
record ComparableCell(String source, String key, String group, boolean reference, String status, boolean ok,
        QualityKind qualityKind, Double quality, Double timeMs, Double memoryMib, String configHash,
        String dataFingerprint, String run, Double calibrationMs, String row, String seedless) {

    /** What the quality number is: higher accuracy is better, lower perplexity is better. */
    enum QualityKind {
        ACCURACY("accuracy (%)"),
        PERPLEXITY("perplexity");

        private final String label;

        QualityKind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    String id() {
        return source + ": " + key;
    }
}
