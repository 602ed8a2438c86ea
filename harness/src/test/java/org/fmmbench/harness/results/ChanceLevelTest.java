package org.fmmbench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChanceLevelTest {
    @TempDir
    Path dir;

    @Test
    void upperBoundIsTheBinomialQuantileOfTheMajorityRate() {
        // Binomial(2000, 0.17): mean 340, sd 16.8; its 97.5% quantile is 373 (normal approximation 372.9).
        assertEquals(373 / 2000.0, ChanceLevel.upperBound(0.17, 2000), 1e-12);
        assertEquals(1.0, ChanceLevel.upperBound(1.0, 50));
    }

    @Test
    void accuracyWithinOrBelowTheMajorityIntervalIsChanceLevelAndAboveItIsNot() {
        assertTrue(ChanceLevel.at(0.18, 0.17, 2000));
        assertTrue(ChanceLevel.at(0.05, 0.17, 2000), "below the majority class has not learnt either");
        assertFalse(ChanceLevel.at(0.19, 0.17, 2000));
        // The same accuracy on 64 examples is within the (much wider) interval.
        assertTrue(ChanceLevel.at(0.25, 0.17, 64));
    }

    @Test
    void unknownTestStatisticsNeverFlag() {
        assertFalse(ChanceLevel.at(0.17, null, 2000));
        assertFalse(ChanceLevel.at(0.17, 0.17, null));
        assertFalse(ChanceLevel.at(null, 0.17, 2000));
    }

    @Test
    void flagsRoundTripThroughResultsCsvAndOldFilesWithoutTheColumnsStillRead() throws IOException {
        CellResult flagged = new CellResult(new CellResult.Identity("r", 1, "c0", "listops", "linear", "linear",
                "smoke", 0), CellStatus.OK, "", new CellResult.Config("h", "listops-generated", "cpu", 1, "fp"),
                new CellResult.Metrics(0.2, 10, 0.18, 0.18, 2.0, 30, 1.0, 2.0, 3.0, 4.0, 0.5, 100.0, 10L, null, null,
                null, 5.0, 2.0, 0.0, 0.0, 0.0, 2000, 0.17, ChanceLevel.FLAG + CellResult.FLAG_SEPARATOR + "rss-drift",
                null, null), new Provenance("abc", false, "cpu", "17", "0.36.0", "2.7.1"), "2026-01-01T00:00:00Z");
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(csv, List.of(flagged));
        CellResult back = ResultsCsv.read(csv).get(0);
        assertEquals(flagged, back);
        assertTrue(back.metrics().hasFlag(ChanceLevel.FLAG) && back.metrics().hasFlag("rss-drift")
                && !back.metrics().hasFlag("chance"));

        // A results.csv written before test_examples, majority_rate and flags existed.
        List<String> lines = Files.readAllLines(csv);
        int keep = ResultsCsv.HEADER.indexOf("test_examples");
        String header = String.join(",", ResultsCsv.HEADER.subList(0, keep));
        String row = lines.get(1).substring(0, lines.get(1).indexOf(",2000,0.17,"));
        Files.write(csv, List.of(header, row));
        CellResult old = ResultsCsv.read(csv).get(0);
        assertEquals(null, old.metrics().testExamples());
        assertEquals("", old.metrics().flags());
        assertFalse(old.metrics().hasFlag(ChanceLevel.FLAG));
    }
}
