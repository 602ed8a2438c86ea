package org.fmmbench.harness.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
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
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
        AtomicFiles.write(file, w -> {
            try (CSVPrinter out = new CSVPrinter(w, format)) {
                for (CurvePoint p : curve) {
                    out.printRecord(p.step(), blankIfNaN(p.trainLoss()), blankIfNaN(p.valAccuracy()), p.lr(),
                            p.elapsedMs(), blankIfNaN(p.valPerplexity()));
                }
            }
        });
    }

    public static List<CurvePoint> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CurvePoint> curve = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (CSVRecord r : parser) {
                try {
                    curve.add(new CurvePoint(Integer.parseInt(r.get("step")), parse(r.get("train_loss")),
                            parse(r.get("val_accuracy")), parse(r.get("lr")), Long.parseLong(r.get("elapsed_ms")),
                            r.isMapped("val_ppl") ? parse(r.get("val_ppl")) : Double.NaN));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
                }
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
