package org.fmmbench.harness.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fmmbench.harness.results.AtomicFiles;

/**
 * Everything a training cell needs to continue after {@code completedSteps} steps exactly as if it had not stopped:
 * the parameters, the optimiser's moments (its step count is {@code completedSteps}), the learning curve, the step
 * times, the best validation and its parameters. The data order and the dropout generator are functions of the
 * seed and the step ({@link TrainingOrder}, {@link TrainingLoop}), so the step count restores them.
 *
 * <p>Stored as a small binary file (float arrays in bulk): the paper's LM has tens of millions of parameters, and
 * every checkpoint holds them three times over.
 *
 * @param elapsedNanos wall-clock of the loop up to the end of the last completed step
 * @param evalNanos the part of it spent in validations
 * @param pauseNanos the part of it spent writing checkpoints
 * @param bestValidation the best validation so far, {@code null} before the first
 * @param best the parameters at {@code bestStep}, {@code null} before the first validation
 */
record CellCheckpoint(String configHash, int completedSteps, long elapsedNanos, long evalNanos, long pauseNanos,
        int bestStep, TrainingLoop.Validation bestValidation, List<CurvePoint> curve, long[] wallNanos,
        long[] cpuNanos, Map<String, float[]> parameters, Map<String, float[]> optimizer, Map<String, float[]> best) {
    /** File signature and format version; a different one is refused rather than misread. */
    private static final String MAGIC = "fmmbench-checkpoint-1";

    void write(Path file) throws IOException {
        AtomicFiles.writeBinary(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeUTF(configHash);
            out.writeInt(completedSteps);
            out.writeLong(elapsedNanos);
            out.writeLong(evalNanos);
            out.writeLong(pauseNanos);
            out.writeInt(bestStep);
            out.writeBoolean(bestValidation != null);
            if (bestValidation != null) {
                out.writeDouble(bestValidation.score());
                out.writeDouble(bestValidation.accuracy());
                out.writeDouble(bestValidation.loss());
                out.writeDouble(bestValidation.perplexity());
            }
            out.writeInt(curve.size());
            for (CurvePoint p : curve) {
                out.writeInt(p.step());
                out.writeDouble(p.trainLoss());
                out.writeDouble(p.valAccuracy());
                out.writeDouble(p.lr());
                out.writeLong(p.elapsedMs());
                out.writeDouble(p.valPerplexity());
            }
            writeLongs(out, wallNanos);
            writeLongs(out, cpuNanos);
            writeArrays(out, parameters);
            writeArrays(out, optimizer);
            out.writeBoolean(best != null);
            if (best != null) {
                writeArrays(out, best);
            }
            out.flush();
        });
    }

    static CellCheckpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException("not a checkpoint of this fmmbench version (signature '" + magic + "')");
            }
            String hash = in.readUTF();
            int steps = in.readInt();
            long elapsed = in.readLong();
            long eval = in.readLong();
            long pause = in.readLong();
            int bestStep = in.readInt();
            TrainingLoop.Validation bestValidation = in.readBoolean() ? new TrainingLoop.Validation(in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble()) : null;
            int points = in.readInt();
            List<CurvePoint> curve = new ArrayList<>(points);
            for (int i = 0; i < points; i++) {
                curve.add(new CurvePoint(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readLong(), in.readDouble()));
            }
            long[] wall = readLongs(in);
            long[] cpu = readLongs(in);
            Map<String, float[]> parameters = readArrays(in);
            Map<String, float[]> optimizer = readArrays(in);
            Map<String, float[]> best = in.readBoolean() ? readArrays(in) : null;
            return new CellCheckpoint(hash, steps, elapsed, eval, pause, bestStep, bestValidation, curve, wall, cpu,
                    parameters, optimizer, best);
        } catch (EOFException e) {
            throw new IOException("not a whole checkpoint of this fmmbench version (the file ends early)", e);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static void writeArrays(DataOutputStream out, Map<String, float[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            float[] values = e.getValue();
            out.writeInt(values.length);
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
            bytes.asFloatBuffer().put(values);
            out.write(bytes.array());
        }
    }

    private static Map<String, float[]> readArrays(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            byte[] bytes = new byte[in.readInt() * Float.BYTES];
            in.readFully(bytes);
            float[] values = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
            arrays.put(key, values);
        }
        return arrays;
    }
}
