package org.fmmbench.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRegistryTest {
    @TempDir
    Path cache;

    @Test
    void knowsTheFiveLraTasksLanguageIdentificationAndTheKnownAnswerChecks() {
        assertEquals(List.of("listops", "text", "retrieval", "image", "pathfinder", "language", "first-token", "majority"),
                List.copyOf(TaskRegistry.providers().keySet()));
    }

    @Test
    void unknownTaskListsKnownTasksAndTheirSources() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRegistry.open("listopz", TaskOptions.defaults(cache)));
        assertTrue(e.getMessage().contains("unknown task 'listopz'"), e.getMessage());
        for (String s : List.of("listops (sources: listops-lra-files, listops-generated)", "pathfinder-generated",
                "fashion-mnist", "europarl-sorted-segments", "europarl-repeat", "europarl-languages", "europarl-halves", "aan-lra-files", "imdb-aclimdb", "cifar10")) {
            assertTrue(e.getMessage().contains(s), s + " missing from: " + e.getMessage());
        }
    }

    @Test
    void unknownSourceListsTheTasksSources() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRegistry.open("image", Fixtures.options(null, cache, "mnist")));
        assertTrue(e.getMessage().contains("unknown source 'mnist' for task image; known: auto, cifar10, fashion-mnist"), e.getMessage());
    }

    @Test
    void impossibleOptionsAreRejectedBeforeAnyFileIsTouched() {
        TaskOptions d = TaskOptions.defaults(cache);
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("listops",
                new TaskOptions(null, cache, "auto", -1, 0, 0, 0, 0, "pad")));
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("listops",
                new TaskOptions(null, cache, "auto", 0, 0, -5, 0, 0, "pad")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("image",
                new TaskOptions(null, cache, "auto", 0, 0, 0, 0, 0, "black")));
        assertTrue(e.getMessage().contains("pixelZero must be 'auto', 'pad' or 'shift'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("text",
                new TaskOptions(null, cache, "auto", 1024, 0, 0, 0, 0, "auto", 1025, false)));
        assertTrue(e.getMessage().contains("contentLength must be in [0, seqLength]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.open("listops",
                new TaskOptions(null, null, "auto", 0, 0, 0, 0, 0, "pad")));
        assertEquals("auto", d.source());
    }
}
