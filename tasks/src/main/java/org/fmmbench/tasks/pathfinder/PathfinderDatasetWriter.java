package org.fmmbench.tasks.pathfinder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.fmmbench.tasks.FileLocks;

/**
 * Writes generated images in LRA's layout: {@code imgs/<batch>/sample_<i>.png} (8-bit gray) and
 * {@code metadata/<batch>.npy} (plain text, one line per image: {@code imgs/<batch> sample_<i>.png <i> <label>}
 * then the generator's parameters). A batch counts as done once its metadata file exists; that file is
 * written last and atomically, so a killed run resumes at the first unfinished batch and never reads half a batch.
 */
public final class PathfinderDatasetWriter {
    public static final int BATCH = 1000;
    private static final System.Logger LOG = System.getLogger(PathfinderDatasetWriter.class.getName());

    private PathfinderDatasetWriter() {
    }

    /** The seed of image {@code index}: images are independent, so any subset can be made in any order. */
    public static long imageSeed(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Makes sure batches {@code 0 .. batches-1} exist under {@code dir}, generating the missing ones. */
    public static void ensure(Path dir, PathfinderParams params, long seed, int batches, int threads) {
        try {
            Files.createDirectories(dir.resolve("metadata"));
            FileLocks.withLock(dir.resolve(".lock"), () -> {
                org.fmmbench.tasks.DataFiles.markGenerated(dir, "pathfinder-generated: " + params + ", seed " + seed);
                PathfinderGenerator gen = new PathfinderGenerator(params);
                ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
                try {
                    for (int b = 0; b < batches; b++) {
                        Path meta = dir.resolve("metadata").resolve(b + ".npy");
                        if (!Files.exists(meta)) {
                            writeBatch(dir, gen, params, seed, b, pool);
                            LOG.log(System.Logger.Level.INFO, "Pathfinder: batch " + (b + 1) + " / " + batches + " written to " + dir);
                        }
                    }
                } finally {
                    pool.shutdown();
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated Pathfinder data to " + dir, e);
        }
    }

    private static void writeBatch(Path dir, PathfinderGenerator gen, PathfinderParams p, long seed, int batch,
            ForkJoinPool pool) throws IOException {
        Path imgs = dir.resolve("imgs").resolve(Integer.toString(batch));
        Files.createDirectories(imgs);
        String[] lines = new String[BATCH];
        try {
            pool.submit(() -> IntStream.range(0, BATCH).parallel().forEach(i -> {
                PathfinderSample s = gen.generate(imageSeed(seed, (long) batch * BATCH + i));
                String name = "sample_" + i + ".png";
                try {
                    writePng(imgs.resolve(name), s.pixels(), s.side());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lines[i] = "imgs/" + batch + " " + name + " " + i + " " + s.label() + " " + p.continuity() + " "
                        + p.contourLength() + " " + p.distractorLength() + " " + p.paddleLength() + " "
                        + p.paddleThickness() + " " + p.margin() + " 1";
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating batch " + batch, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("generating batch " + batch + " failed", e.getCause());
        }
        Path temp = Files.createTempFile(dir.resolve("metadata"), batch + ".", ".part");
        Files.write(temp, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(temp, dir.resolve("metadata").resolve(batch + ".npy"), StandardCopyOption.ATOMIC_MOVE);
    }

    static void writePng(Path file, byte[] pixels, int side) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, side, side, pixels);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
