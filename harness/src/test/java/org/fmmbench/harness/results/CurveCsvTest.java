package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.harness.train.CurvePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveCsvTest {
    @Test
    void stepsWithoutEvaluationLeaveValidationAccuracyEmptyAndReadBackAsNaN(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CurveCsv.FILE_NAME);
        List<CurvePoint> curve = List.of(new CurvePoint(1, 2.5, Double.NaN, 1e-4, 100),
                new CurvePoint(2, 2.25, 0.375, 2e-4, 210));
        CurveCsv.write(file, curve);
        assertEquals("step,train_loss,val_accuracy,lr,elapsed_ms,val_ppl", Files.readAllLines(file).get(0));
        assertTrue(Files.readAllLines(file).get(1).contains(",,"));
        List<CurvePoint> read = CurveCsv.read(file);
        assertEquals(curve.get(1), read.get(1));
        assertTrue(Double.isNaN(read.get(0).valAccuracy()));
        assertEquals(2.5, read.get(0).trainLoss());
    }

    @Test
    void languageModelCurvesKeepValidationPerplexityAndOldFilesWithoutItReadAsNaN(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve(CurveCsv.FILE_NAME);
        CurvePoint lm = new CurvePoint(3, 4.0, Double.NaN, 1e-3, 300, 55.5);
        CurveCsv.write(file, List.of(lm));
        assertEquals(lm, CurveCsv.read(file).get(0));

        Path old = dir.resolve("old.csv");
        Files.writeString(old, "step,train_loss,val_accuracy,lr,elapsed_ms\n1,2.5,0.5,0.001,100\n");
        CurvePoint read = CurveCsv.read(old).get(0);
        assertEquals(0.5, read.valAccuracy());
        assertTrue(Double.isNaN(read.valPerplexity()));
    }
}
