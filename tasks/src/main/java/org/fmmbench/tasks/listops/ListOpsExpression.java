package org.fmmbench.tasks.listops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A parsed ListOps expression with the measures LRA's generator controls: value, length in tokens (as LRA
 * counts it: no parentheses), operator nesting depth, and the largest argument count.
 */
public record ListOpsExpression(int value, int length, int depth, int maxArgs) {

    /**
     * Parses LRA's serialisation (with or without the parentheses).
     *
     * @throws IllegalArgumentException naming the problem if the text is not a well-formed expression
     */
    public static ListOpsExpression parse(String source) {
        String[] tokens = ListOpsVocabulary.tokens(source);
        Deque<Frame> stack = new ArrayDeque<>();
        ListOpsExpression result = null;
        for (String t : tokens) {
            if (result != null) {
                throw new IllegalArgumentException("text after the end of the expression: '" + t + "'");
            }
            ListOpsExpression done = null;
            if (t.length() == 1 && Character.isDigit(t.charAt(0))) {
                done = new ListOpsExpression(t.charAt(0) - '0', 1, 0, 0);
            } else if (t.equals("X")) {
                Frame f = stack.poll();
                if (f == null) {
                    throw new IllegalArgumentException("']' without an open operator");
                }
                if (f.args.isEmpty()) {
                    throw new IllegalArgumentException(f.op.symbol() + " has no arguments");
                }
                int[] values = f.args.stream().mapToInt(ListOpsExpression::value).toArray();
                int length = 2 + f.args.stream().mapToInt(ListOpsExpression::length).sum();
                int depth = 1 + f.args.stream().mapToInt(ListOpsExpression::depth).max().orElse(0);
                int maxArgs = Math.max(f.args.size(), f.args.stream().mapToInt(ListOpsExpression::maxArgs).max().orElse(0));
                done = new ListOpsExpression(f.op.apply(values), length, depth, maxArgs);
            } else {
                ListOpsOperator op = ListOpsOperator.bySymbol(t);
                if (op == null) {
                    throw new IllegalArgumentException("unknown symbol '" + t + "'");
                }
                stack.push(new Frame(op));
            }
            if (done != null) {
                if (stack.isEmpty()) {
                    result = done;
                } else {
                    stack.peek().args.add(done);
                }
            }
        }
        if (!stack.isEmpty() || result == null) {
            throw new IllegalArgumentException(result == null && stack.isEmpty() ? "empty expression" : "unclosed operator");
        }
        return result;
    }

    private static final class Frame {
        final ListOpsOperator op;
        final List<ListOpsExpression> args = new ArrayList<>();

        Frame(ListOpsOperator op) {
            this.op = op;
        }
    }
}
