import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the blend weights (parameters whose name holds "near_weight", "far_weight" or "kernel_weight") of a cell's
 * checkpoint: per parameter its size, mean, minimum and maximum. Reads the checkpoint format of
 * harness/.../train/CellCheckpoint.java ("fmmbench-checkpoint-1"), skipping everything before the parameters; a
 * probe, so it repeats the few lines of that reader instead of linking the harness.
 *
 * <p>Usage: {@code java docs/measurements/lm-near-weight/BlendWeights.java CHECKPOINT}
 */
public class BlendWeights {
    public static void main(String[] args) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            String magic = in.readUTF();
            if (!magic.equals("fmmbench-checkpoint-1")) {
                throw new IOException("not a checkpoint of this format: " + magic);
            }
            in.readUTF(); // config hash
            int steps = in.readInt();
            in.skipNBytes(3 * Long.BYTES);
            int bestStep = in.readInt();
            if (in.readBoolean()) {
                in.skipNBytes(4 * Double.BYTES);
            }
            int points = in.readInt();
            in.skipNBytes((long) points * (Integer.BYTES + 4 * Double.BYTES + Long.BYTES));
            for (int i = 0; i < 2; i++) { // wall and CPU step times
                in.skipNBytes((long) in.readInt() * Long.BYTES);
            }
            System.out.printf("checkpoint after step %d (best validation at step %d)%n", steps, bestStep);
            System.out.println("parameter,size,mean,min,max");
            int count = in.readInt();
            for (int p = 0; p < count; p++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt() * Float.BYTES];
                in.readFully(bytes);
                if (!name.matches(".*(near|far|kernel)_weight.*")) {
                    continue;
                }
                float[] w = new float[bytes.length / Float.BYTES];
                ByteBuffer.wrap(bytes).asFloatBuffer().get(w);
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (float v : w) {
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                System.out.printf("%s,%d,%.4f,%.4f,%.4f%n", name, w.length, sum / w.length, min, max);
            }
        }
    }
}
