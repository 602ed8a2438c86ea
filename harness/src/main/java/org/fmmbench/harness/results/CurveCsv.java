package org.fmmbench.harness.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.fmmbench.harness.train.CurvePoint;

/**
 * A cell's training curve, {@code curve.csv}: step, train_loss, val_accuracy, lr, elapsed_ms, val_ppl. Steps
 * without an evaluation leave val_accuracy empty; val_ppl is filled on evaluated steps of language-modelling
 * cells only (files without the column read as NaN).
 */
public final class CurveCsv {
    public static final String FILE_NAME = "curve.csv";
    public static final List<String> HEADER = List.of("step", "train_loss", "val_accuracy", "lr", "elapsed_ms",
            "val_ppl");

    private CurveCsv() {
    }

    public static void write(Path file, List<CurvePoint> curve) throws IOException {
        CsvFile.write(file, HEADER, CsvFile.CRLF, curve, p -> List.of(p.step(), blankIfNaN(p.trainLoss()),
                blankIfNaN(p.valAccuracy()), p.lr(), p.elapsedMs(), blankIfNaN(p.valPerplexity())));
    }

    public static List<CurvePoint> read(Path file) throws IOException {
        List<CurvePoint> curve = new ArrayList<>();
        for (CSVRecord r : CsvFile.read(file).rows()) {
            try {
                curve.add(new CurvePoint(Integer.parseInt(r.get("step")), parse(r.get("train_loss")),
                        parse(r.get("val_accuracy")), parse(r.get("lr")), Long.parseLong(r.get("elapsed_ms")),
                        r.isMapped("val_ppl") ? parse(r.get("val_ppl")) : Double.NaN));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return curve;
    }

    private static Object blankIfNaN(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    private static double parse(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
