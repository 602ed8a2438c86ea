package org.fmmbench.tasks.lm;

/**
 * Accumulates per-token negative log-likelihoods (nats) and reports perplexity = exp(mean NLL) and bits per
 * token = mean NLL / ln 2 (bits per byte on a byte corpus, bits per word on a word corpus).
 */
public final class LmMetrics {
    private double nats;
    private long tokens;

    /** Adds NLLs in nats, e.g. as the sink of the sliding-window evaluator. */
    public void add(float[] nll) {
        for (float v : nll) {
            if (!(v >= 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("negative log-likelihood must be finite and >= 0, got " + v);
            }
            nats += v;
        }
        tokens += nll.length;
    }

    public long tokens() {
        return tokens;
    }

    public double meanNll() {
        if (tokens == 0) {
            throw new IllegalStateException("no tokens scored yet");
        }
        return nats / tokens;
    }

    public double perplexity() {
        return Math.exp(meanNll());
    }

    public double bitsPerToken() {
        return meanNll() / Math.log(2);
    }
}
