package org.fmmbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.train.CurvePoint;
import org.junit.jupiter.api.Test;

class ValidationPlateauTest {
    /** 100 steps evaluated every 10, validation accuracy (fraction) given per evaluation. */
    private static List<CurvePoint> accuracyCurve(double... val) {
        List<CurvePoint> curve = new ArrayList<>();
        for (int step = 1; step <= 100; step++) {
            double v = step % 10 == 0 ? val[step / 10 - 1] : Double.NaN;
            curve.add(new CurvePoint(step, 1.0, v, 1e-3, step));
        }
        return curve;
    }

    @Test
    void aGainOfAPointOrMoreInTheLastFifthOfStepsIsNotAPlateau() {
        ValidationPlateau rising = ValidationPlateau.of(accuracyCurve(.1, .2, .3, .4, .5, .6, .7, .70, .705, .71))
                .orElseThrow();
        assertEquals(70.0, rising.before(), 1e-9);
        assertEquals(71.0, rising.best(), 1e-9);
        assertFalse(rising.plateaued());

        ValidationPlateau flat = ValidationPlateau.of(accuracyCurve(.1, .2, .3, .4, .5, .6, .7, .70, .705, .709))
                .orElseThrow();
        assertTrue(flat.plateaued(), "0.9 points");
    }

    @Test
    void aFallInTheLastFifthIsAPlateauSinceTheBestIsKept() {
        assertTrue(ValidationPlateau.of(accuracyCurve(.1, .5, .6, .6, .6, .6, .6, .6, .3, .2)).orElseThrow()
                .plateaued());
    }

    @Test
    void perplexityMustFallByOnePercentInTheLastFifth() {
        List<CurvePoint> curve = new ArrayList<>();
        double[] ppl = {90, 60, 50, 45, 42, 41, 40.5, 40, 39.7, 39.5};
        for (int i = 0; i < ppl.length; i++) {
            curve.add(new CurvePoint(10 * (i + 1), 3.0, Double.NaN, 1e-3, i, ppl[i]));
        }
        ValidationPlateau lm = ValidationPlateau.of(curve).orElseThrow();
        assertTrue(lm.perplexity());
        assertEquals(40.0, lm.before(), 1e-9);
        assertFalse(lm.plateaued(), "40 -> 39.5 is a 1.25 % fall");

        curve.set(9, new CurvePoint(100, 3.0, Double.NaN, 1e-3, 9, 39.65));
        assertTrue(ValidationPlateau.of(curve).orElseThrow().plateaued(), "40 -> 39.65 is a 0.875 % fall");
    }

    @Test
    void aCurveEvaluatedOnlyAtTheEndCannotBeJudged() {
        List<CurvePoint> curve = new ArrayList<>();
        for (int step = 1; step <= 10; step++) {
            curve.add(new CurvePoint(step, 1.0, step == 10 ? 0.5 : Double.NaN, 1e-3, step));
        }
        assertTrue(ValidationPlateau.of(curve).isEmpty());
        assertTrue(ValidationPlateau.of(List.of()).isEmpty());
    }
}
