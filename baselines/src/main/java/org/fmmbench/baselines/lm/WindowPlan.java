package org.fmmbench.baselines.lm;

import java.util.ArrayList;
import java.util.List;

/**
 * Which windows a sliding-window evaluation runs over a stream of {@code length} tokens, and which of their
 * targets it scores. Targets are stream positions 1..length−1 (position 0 has no context); every one is scored
 * exactly once.
 *
 * <p>A window is {@code window} input tokens starting at {@code start}; its targets are the next tokens. The
 * first window scores all its targets; each later window is shifted by {@code stride} and scores only its last
 * {@code stride} targets, so each of those conditions on at least {@code window − stride + 1} input tokens
 * (the input token itself plus {@code window − stride} earlier ones). With stride 1 — the paper's setting — every
 * target after the first window conditions on exactly {@code window} tokens, i.e. its input token plus
 * {@code window − 1} (255) tokens of earlier context. The last window is moved back to end at the stream's end
 * and scores only what is left.
 */
public final class WindowPlan {
    /**
     * @param start stream index of the window's first input token
     * @param length input tokens in the window ({@code window}, or less for a stream shorter than one window)
     * @param scored how many of the window's last targets are scored
     */
    public record Window(long start, int length, int scored) {
        /** Stream index of the first scored target. */
        public long firstScoredTarget() {
            return start + length - scored + 1;
        }
    }

    private WindowPlan() {
    }

    public static void check(int window, int stride) {
        if (window < 1) {
            throw new IllegalArgumentException("evaluation window must be >= 1, got " + window);
        }
        if (stride < 1 || stride > window) {
            throw new IllegalArgumentException("evaluation stride must be in [1, window=" + window + "], got "
                    + stride + " (1 = the paper's setting, window/2 = the cheaper default)");
        }
    }

    /** Number of windows without building them. */
    public static long count(long length, int window, int stride) {
        check(window, stride);
        long targets = length - 1;
        if (targets <= 0) {
            return 0;
        }
        if (targets <= window) {
            return 1;
        }
        return 1 + (targets - window + stride - 1) / stride;
    }

    /** Windows {@code [from, to)} of the plan, in stream order. */
    public static List<Window> windows(long length, int window, int stride, long from, long to) {
        check(window, stride);
        List<Window> out = new ArrayList<>();
        long targets = length - 1;
        if (targets <= 0) {
            return out;
        }
        for (long w = from; w < to; w++) {
            if (w == 0) {
                int len = (int) Math.min(window, targets);
                out.add(new Window(0, len, len));
            } else {
                long lastTarget = Math.min((long) window + w * stride, targets);
                long previousLast = (long) window + (w - 1) * stride;
                out.add(new Window(lastTarget - window, window, (int) (lastTarget - previousLast)));
            }
        }
        return out;
    }
}
