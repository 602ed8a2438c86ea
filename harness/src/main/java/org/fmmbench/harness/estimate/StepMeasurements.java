package org.fmmbench.harness.estimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.MatrixRunner;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RunPlan;

/**
 * Step times of (task, row) cells, read from the run directories of short measurement runs
 * ({@code reproduce --max-steps 12 ...}): each directory's {@code plan.yaml} says what was measured and its
 * {@code results.csv} what it cost. A later directory's (task, row) replaces an earlier one's. Only {@code ok}
 * cells count.
 */
public final class StepMeasurements {
    private final Map<String, StepMeasurement> byCell;

    StepMeasurements(Map<String, StepMeasurement> byCell) {
        this.byCell = byCell;
    }

    /** Reads run directories, or folders of run directories (taken in name order). */
    public static StepMeasurements read(List<Path> dirs) throws IOException {
        Map<String, StepMeasurement> byCell = new LinkedHashMap<>();
        for (Path dir : runDirs(dirs)) {
            Path results = dir.resolve(MatrixRunner.RESULTS_FILE);
            RunPlan plan = RunPlan.read(dir.resolve(RunPlan.FILE_NAME));
            for (CellResult r : ResultsCsv.read(results)) {
                if (r.status() != CellStatus.OK || r.metrics().stepCpuMsMedian() == null) {
                    continue;
                }
                CellConfig config = plan.cells().stream().filter(c -> c.id().equals(r.identity().cellId()))
                        .map(PlannedCell::config).findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "Measurement " + dir + ": cell " + r.identity().cellId()
                                + " of results.csv is not in plan.yaml."));
                double overhead = r.metrics().cellWallS() - r.metrics().trainWallS() - r.metrics().evalWallS();
                byCell.put(key(r.identity().task(), r.identity().row()), new StepMeasurement(config,
                        r.metrics().stepCpuMsMedian(),
                        r.metrics().stepMsMedian(), r.metrics().evalWallS(), Math.max(0, overhead)));
            }
        }
        return new StepMeasurements(byCell);
    }

    private static List<Path> runDirs(List<Path> dirs) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isRegularFile(dir.resolve(MatrixRunner.RESULTS_FILE))) {
                runs.add(dir);
                continue;
            }
            List<Path> inside = List.of();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    inside = children.filter(d -> Files.isRegularFile(d.resolve(MatrixRunner.RESULTS_FILE))).sorted()
                            .toList();
                }
            }
            if (inside.isEmpty()) {
                throw new IllegalArgumentException("Measurement " + dir + " holds no " + MatrixRunner.RESULTS_FILE
                        + ": pass the run directory of a measurement run, or a folder of them (docs/profiles.md, "
                        + "\"Estimating a run\").");
            }
            runs.addAll(inside);
        }
        return runs;
    }

    /** The measurement of the cell's (task, row), which must share its model and sequence length. */
    public StepMeasurement of(CellConfig cell) {
        StepMeasurement m = byCell.get(key(cell.task(), cell.row()));
        if (m == null) {
            throw new IllegalArgumentException("No measurement of " + cell.task() + "/" + cell.row() + " (status ok): "
                    + "measure it with reproduce --max-steps 12 on that task and row, and pass its run directory.");
        }
        CellConfig measured = m.config();
        if (!Objects.equals(measured.model(), cell.model()) || measured.data().seqLength() != cell.data().seqLength()
                || !measured.variant().equals(cell.variant())) {
            throw new IllegalArgumentException("The measurement of " + cell.task() + "/" + cell.row() + " ran another "
                    + "model, variant or sequence length (" + measured.data().seqLength() + " tokens, " + measured.model()
                    + ") than the plan (" + cell.data().seqLength() + " tokens, " + cell.model() + "): measure the "
                    + "planned configuration.");
        }
        return m;
    }

    private static String key(String task, String row) {
        return task + "/" + row;
    }
}
