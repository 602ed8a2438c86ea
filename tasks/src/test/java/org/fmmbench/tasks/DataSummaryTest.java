package org.fmmbench.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSummaryTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void fingerprintIsStableForTheSameDataAndChangesWhenTheDataChanges() throws IOException {
        Path dir = Fixtures.copy("listops", data.resolve("listops"));
        String first = fingerprint(Fixtures.options(dir, cache, "auto"));
        assertEquals(first, fingerprint(Fixtures.options(dir, cache.resolve("fresh"), "auto")), "same data, same fingerprint");
        // one label changed in the test split
        String test = Files.readString(dir.resolve("basic_test.tsv"));
        Files.writeString(dir.resolve("basic_test.tsv"), test.replaceFirst("\t(\\d)\n", "\t0\n").equals(test)
                ? test.replaceFirst("\t(\\d)\n", "\t1\n") : test.replaceFirst("\t(\\d)\n", "\t0\n"));
        assertNotEquals(first, fingerprint(Fixtures.options(dir, cache, "auto")), "a changed file changes it");
        TaskOptions capped = new TaskOptions(dir, cache, "auto", 0, 0, 2, 0, 0, "pad");
        assertNotEquals(fingerprint(Fixtures.options(dir, cache, "auto")), fingerprint(capped), "a cap changes it");
    }

    @Test
    void recordsTheTruncatedShareOfEverySplit() {
        TaskOptions cut = new TaskOptions(Fixtures.path("listops"), cache, "auto", 6, 0L, 0, 0, 0, "pad", 0, true);
        try (Task t = TaskRegistry.open("listops", cut)) {
            DataSummary s = DataSummary.of(t);
            assertEquals(0.25, s.truncated(SplitName.TRAIN));
            assertEquals(1.0, s.truncated(SplitName.VAL));
            assertEquals(0.0, s.truncated(SplitName.TEST));
        }
    }

    private String fingerprint(TaskOptions o) {
        try (Task t = TaskRegistry.open("listops", o)) {
            return DataSummary.of(t).fingerprint();
        }
    }
}
