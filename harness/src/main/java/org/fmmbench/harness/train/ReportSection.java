package org.fmmbench.harness.train;

/** Which part of a run's report scores a workload's cells, so that the report asks the workload, not its name. */
public enum ReportSection {
    /** Test accuracy beside the paper's LRA table (classification). */
    ACCURACY,
    /** Perplexity and bits per token (language modelling); its curves show validation perplexity. */
    PERPLEXITY,
    /** Per-position copy accuracy by near-field rank and band (the copy task). */
    COPY,
    /** Test accuracy of the separating tasks, which need one field each and stay out of the LRA average. */
    SEPARATING
}
