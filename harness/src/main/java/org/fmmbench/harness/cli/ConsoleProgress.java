package org.fmmbench.harness.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.ProgressEvent;
import org.fmmbench.harness.run.RunProgress;

/**
 * Progress of a run for people: on a terminal one live line per running cell, redrawn in place; otherwise
 * (CI logs, pipes) a plain line every 10 seconds or every 10 % of a cell's steps. Either way, a line per
 * finished cell with its status and an estimate for the rest of the run.
 */
final class ConsoleProgress implements RunProgress {
    private static final long PLAIN_EVERY_MS = 10_000;

    private final PrintStream out;
    private final boolean live;
    private final int cellsTotal;
    private int cellsDone;
    private int cellsRun;
    private double secondsRun;
    private long lastPrintMs;
    private int lastDecile;
    private int liveWidth;

    ConsoleProgress(PrintStream out, boolean live, int cellsTotal) {
        this.out = out;
        this.live = live;
        this.cellsTotal = cellsTotal;
    }

    @Override
    public synchronized void dataPreparing(PlannedCell cell) {
        out.println(prefix(cell) + " preparing data of " + cell.config().task() + " (once per task and seed)");
    }

    @Override
    public synchronized void dataPrepared(PlannedCell cell, double seconds, String problem) {
        out.println(problem == null
                ? String.format(Locale.ROOT, "%s data ready in %.1f s", prefix(cell), seconds)
                : prefix(cell) + " data not prepared (the cell will report why): " + problem);
    }

    @Override
    public synchronized void notice(PlannedCell cell, String message) {
        out.println(prefix(cell) + " " + message);
    }

    @Override
    public synchronized void cellStarted(PlannedCell cell, int total) {
        lastPrintMs = System.currentTimeMillis();
        lastDecile = 0;
        if (!live) {
            out.println(prefix(cell) + " started");
        }
    }

    @Override
    public synchronized void cellProgress(PlannedCell cell, ProgressEvent e) {
        String eta = e.step() > 0 ? clock((long) ((double) e.elapsedMs() / e.step() * (e.totalSteps() - e.step())))
                : "?";
        String line = String.format(Locale.ROOT, "%s step %d/%d  loss %.4f  val %s  ETA %s", prefix(cell), e.step(),
                e.totalSteps(), e.loss(), percent(e.valAccuracy()), eta);
        if (live) {
            out.print("\r" + line + " ".repeat(Math.max(0, liveWidth - line.length())));
            out.flush();
            liveWidth = line.length();
            return;
        }
        long now = System.currentTimeMillis();
        int decile = e.totalSteps() > 0 ? 10 * e.step() / e.totalSteps() : 0;
        if (now - lastPrintMs >= PLAIN_EVERY_MS || decile > lastDecile) {
            out.println(line);
            lastPrintMs = now;
            lastDecile = decile;
        }
    }

    @Override
    public synchronized void cellFinished(PlannedCell cell, CellResult r, boolean reused) {
        cellsDone++;
        if (!reused) {
            cellsRun++;
            secondsRun += r.metrics().cellWallS() == null ? 0 : r.metrics().cellWallS();
        }
        if (live && liveWidth > 0) {
            out.print("\r" + " ".repeat(liveWidth) + "\r");
            liveWidth = 0;
        }
        StringBuilder line = new StringBuilder(prefix(cell)).append(' ').append(r.status().label());
        if (reused) {
            line.append(" (kept from an earlier attempt)");
        } else {
            if (r.metrics().testAccBest() != null) {
                line.append("  test ").append(percent(r.metrics().testAccBest()));
            }
            if (r.metrics().testPpl() != null) {
                line.append(String.format(Locale.ROOT, "  test ppl %.2f (%.3f bits/token)", r.metrics().testPpl(),
                        r.metrics().bitsPerToken()));
            }
            if (r.metrics().cellWallS() != null) {
                line.append(String.format(Locale.ROOT, "  %.1f s", r.metrics().cellWallS()));
            }
            if (r.metrics().peakRssMib() != null) {
                line.append(String.format(Locale.ROOT, "  %.0f MiB", r.metrics().peakRssMib()));
            }
        }
        if (r.status() != CellStatus.OK && !r.statusDetail().isBlank()) {
            line.append("  - ").append(r.statusDetail());
        }
        int left = cellsTotal - cellsDone;
        if (cellsRun > 0 && left > 0) {
            line.append("  | run ETA ").append(clock((long) (secondsRun / cellsRun * left * 1000)));
        }
        out.println(line);
    }

    private String prefix(PlannedCell cell) {
        return String.format(Locale.ROOT, "[%d/%d] %s %s s%d", cell.index() + 1, cellsTotal, cell.config().task(),
                cell.config().row(), cell.config().seed());
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
