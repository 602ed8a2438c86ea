package org.fmmbench.tasks.pathfinder;

/**
 * One generated image and what the generator knows about it, for tests and inspection.
 *
 * @param pixels 8-bit gray values, row-major, {@code side * side}
 * @param side image side
 * @param label 1 when both markers sit on the ends of the same snake
 * @param snakes the two target snakes rendered alone (0..1, before markers), row-major
 * @param markers the two marker centres as {row, column}; the first is on snake {@code markedSnake}
 * @param markedSnake which target snake carries the first marker
 */
public record PathfinderSample(byte[] pixels, int side, int label, float[][] snakes, int[][] markers, int markedSnake) {
}
