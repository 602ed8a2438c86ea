package org.fmmbench.tasks.pathfinder;

/**
 * Parameters of the Pathfinder generator (lra.md §2), in window pixels.
 *
 * @param window image side
 * @param padding occupied border
 * @param antialias supersampling factor used to render each paddle and marker
 * @param paddleLength paddle length
 * @param paddleThickness paddle line width (times {@code antialias} must be a whole number)
 * @param margin minimum gap kept around paddles
 * @param markerRadius radius of the two circle markers
 * @param seedDistance distance between the tails of the two target snakes
 * @param continuity turn penalty: turns beyond 90/continuity degrees get weight 0
 * @param contourLength paddles per target snake (6, 9 or 14; 14 is LRA's "hard" set)
 * @param distractorLength paddles per distractor snake
 * @param distractorSnakes number of distractor snakes
 * @param snakeContrast brightness of a snake; target paddles also get {@code paddleContrast}
 * @param paddleContrast extra factor on target paddles
 * @param maxPaddleRetrial retries when a sampled paddle overlaps
 * @param maxContourRetrial retries per distractor snake
 * @param singlePaddles also scatter single-paddle distractors up to the paddle budget
 */
public record PathfinderParams(int window, int padding, int antialias, int paddleLength, double paddleThickness,
        int margin, double markerRadius, int seedDistance, double continuity, int contourLength, int distractorLength,
        int distractorSnakes, double snakeContrast, double paddleContrast, int maxPaddleRetrial, int maxContourRetrial,
        boolean singlePaddles) {

    /** LRA's pathfinder32 set; contour length 6 (baseline), 9 (intermediate) or 14 (hard, the paper's). */
    public static PathfinderParams pathfinder32(int contourLength) {
        if (contourLength != 6 && contourLength != 9 && contourLength != 14) {
            throw new IllegalArgumentException("pathfinder32 contour length must be 6, 9 or 14, got " + contourLength);
        }
        int distractorLength = contourLength / 3;
        return new PathfinderParams(32, 1, 2, 2, 0.5, 1, 1.5, 7, 1.0, contourLength, distractorLength,
                20 / distractorLength, 2.0, 0.75, 2, 4, false);
    }

    /** LRA's directory name for this difficulty. */
    public String difficultyDir() {
        return contourLength == 6 ? "curv_baseline" : "curv_contour_length_" + contourLength;
    }
}
