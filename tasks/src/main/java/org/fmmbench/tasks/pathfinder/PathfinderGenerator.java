package org.fmmbench.tasks.pathfinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Linsley et al.'s Pathfinder generator as LRA used it (lra.md §2): two target snakes grown from seeds
 * {@code seedDistance} apart, distractor snakes, then two markers on the ends of one snake (label 1) or of
 * different snakes (label 0). Work happens on the window grid; each paddle and marker is drawn on a
 * supersampled patch and downsampled, as in the original. One image depends only on its own seed.
 *
 * <p>Deliberate deviation: the original adds the final paddle of only the second target snake to the
 * occupancy mask, so distractors may touch the first snake's last paddle; here both are added.
 */
public final class PathfinderGenerator {
    private final PathfinderParams p;
    private final int n;
    private final int patchRadius;
    private final int[][] smallDisk;
    private final Map<Double, Patch> patches = new ConcurrentHashMap<>();
    private final Map<Double, int[][]> seedStructs = new ConcurrentHashMap<>();
    private final Map<Double, List<int[]>> firstSeedSpots = new ConcurrentHashMap<>();

    public PathfinderGenerator(PathfinderParams params) {
        this.p = params;
        this.n = params.window();
        this.patchRadius = params.paddleLength() + (int) Math.ceil(params.paddleThickness()) + params.margin();
        this.smallDisk = disk(params.margin());
        if (Math.rint(params.paddleThickness() * params.antialias()) != params.paddleThickness() * params.antialias()) {
            throw new IllegalArgumentException("paddle thickness times antialias must be a whole number");
        }
    }

    /** The image for one seed. */
    public PathfinderSample generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int label = r.nextInt(2);
        while (true) {
            Canvas c = new Canvas();
            Snake[] targets = twoSnakes(c, r);
            if (targets == null) {
                continue;
            }
            float[] image = new float[n * n];
            for (Snake s : targets) {
                max(image, s.image);
            }
            for (int i = 0; i < p.distractorSnakes(); i++) {
                for (int attempt = 0; attempt <= p.maxContourRetrial(); attempt++) {
                    if (snake(c, image, r, p.distractorLength(), p.snakeContrast())) {
                        break;
                    }
                }
            }
            if (p.singlePaddles()) {
                int budget = (int) (150.0 / ((7.5 + 13 * p.margin() + 4.0 * p.margin() * p.margin()) / 123.5));
                int singles = budget - 2 * p.contourLength() - p.distractorSnakes() * p.distractorLength();
                for (int i = 0; i < singles; i++) {
                    for (int attempt = 0; attempt <= p.maxPaddleRetrial(); attempt++) {
                        if (snake(c, image, r, 1, p.snakeContrast())) {
                            break;
                        }
                    }
                }
            }
            int marked = r.nextInt(2);
            int other = label == 1 ? marked : 1 - marked;
            int[] a = targets[marked].originTip;
            int[] b = targets[other].terminalTip;
            max(image, marker(a));
            max(image, marker(b));
            return new PathfinderSample(toBytes(image), n, label, new float[][] {targets[0].image, targets[1].image},
                    new int[][] {a, b}, marked);
        }
    }

    /** Scales the brightest pixel to 255, as the original's scipy imsave did. */
    private static byte[] toBytes(float[] image) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : image) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double scale = hi > lo ? 255.0 / (hi - lo) : 1.0;
        byte[] out = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (byte) (int) Math.min(255, Math.max(0, (image[i] - lo) * scale) + 0.5);
        }
        return out;
    }

    /** Occupancy mask (0..1) shared by all snakes of one image. */
    private final class Canvas {
        final float[] mask = new float[n * n];

        Canvas() {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (y < p.padding() || x < p.padding() || y >= n - p.padding() || x >= n - p.padding()) {
                        mask[y * n + x] = 1;
                    }
                }
            }
        }
    }

    /** A growing snake: its own image, last paddle mask (added to the canvas one step late), pivot and heading. */
    private static final class Snake {
        final float[] image;
        Paddle lastMask;
        int[] pivot;
        double orientation;
        int[] originTip;
        int[] terminalTip;

        Snake(int size) {
            image = new float[size];
        }
    }

    private Snake[] twoSnakes(Canvas c, SplittableRandom r) {
        double contrast = p.snakeContrast() * p.paddleContrast();
        Snake a = new Snake(n * n);
        Snake b = new Snake(n * n);
        // First seed: anywhere the paddle fits, away from the edges by 2 * seedDistance.
        int trial = 0;
        int[] tail = null;
        double theta = 0;
        while (trial <= p.maxPaddleRetrial()) {
            theta = Math.toRadians(r.nextInt(-180, 180));
            List<int[]> free = firstSeedSpots.computeIfAbsent(theta, this::firstSeedSpots);
            if (free.isEmpty()) {
                return null;
            }
            tail = free.get(r.nextInt(free.size()));
            if (seedInBounds(tail, theta)) {
                break;
            }
            trial++;
        }
        if (trial > p.maxPaddleRetrial()) {
            return null;
        }
        seed(a, tail, theta, contrast);
        // Second seed: exactly seedDistance from the first tail, at a random angle.
        trial = 0;
        int[] tail2 = null;
        while (trial <= p.maxPaddleRetrial()) {
            theta = Math.toRadians(r.nextInt(-180, 180));
            double at = Math.toRadians(r.nextInt(0, 360));
            tail2 = new int[] {(int) Math.rint(tail[0] + p.seedDistance() * Math.sin(at)),
                (int) Math.rint(tail[1] + p.seedDistance() * Math.cos(at))};
            if (seedInBounds(tail2, theta)) {
                break;
            }
            trial++;
        }
        if (trial > p.maxPaddleRetrial()) {
            return null;
        }
        seed(b, tail2, theta, contrast);
        for (int i = 0; i < p.contourLength() - 1; i++) {
            for (Snake s : new Snake[] {a, b}) {
                if (!extend(c, s, r, contrast)) {
                    return null;
                }
            }
        }
        addMask(c.mask, a.lastMask);
        addMask(c.mask, b.lastMask);
        return new Snake[] {a, b};
    }

    /** Grows one distractor snake into {@code image}; on failure the canvas and image are left as they were. */
    private boolean snake(Canvas c, float[] image, SplittableRandom r, int paddles, double contrast) {
        float[] rawFree = c.mask;
        int freeCount = 0;
        for (float v : rawFree) {
            if (Math.ceil(v - 0.3) <= 0) {
                freeCount++;
            }
        }
        if ((double) freeCount / (n * n) < 0.01) {
            return false;
        }
        float[] savedMask = c.mask.clone();
        Snake s = new Snake(n * n);
        int trial = 0;
        int[] tail = null;
        double theta = 0;
        while (trial <= p.maxPaddleRetrial()) {
            theta = Math.toRadians(r.nextInt(-180, 180));
            float[] lined = c.mask.clone();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (y == 0 || x == 0 || y == n - 1 || x == n - 1) {
                        lined[y * n + x] = 1;
                    }
                }
            }
            List<int[]> free = available(dilate(lined, seedStruct(theta)));
            if (free.isEmpty()) {
                return false;
            }
            tail = free.get(r.nextInt(free.size()));
            if (seedInBounds(tail, theta)) {
                break;
            }
            trial++;
        }
        if (trial > p.maxPaddleRetrial()) {
            return false;
        }
        seed(s, tail, theta, contrast);
        for (int i = 0; i < paddles - 1; i++) {
            if (!extend(c, s, r, contrast)) {
                System.arraycopy(savedMask, 0, c.mask, 0, n * n);
                return false;
            }
        }
        addMask(c.mask, s.lastMask);
        max(image, s.image);
        return true;
    }

    /**
     * Where the first target seed may go: the canvas is still empty then, so this depends only on the
     * orientation and is computed once per orientation.
     */
    private List<int[]> firstSeedSpots(double theta) {
        float[] lined = new Canvas().mask;
        int band = 2 * p.seedDistance();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (y < band || x < band || y >= n - band || x >= n - band) {
                    lined[y * n + x] = 1;
                }
            }
        }
        return available(dilate(lined, seedStruct(theta)));
    }

    private boolean seedInBounds(int[] tail, double theta) {
        int[] head = translate(tail, theta, p.paddleLength());
        int[] pivot = translate(head, flip(theta), p.paddleLength() + p.margin());
        return inside(tail) && inside(head) && inside(pivot);
    }

    private void seed(Snake s, int[] tail, double theta, double contrast) {
        Paddle paddle = paddle(tail, theta);
        addLine(s.image, paddle, contrast);
        s.lastMask = paddle;
        int[] head = translate(tail, theta, p.paddleLength());
        s.pivot = translate(head, flip(theta), p.paddleLength() + p.margin());
        s.orientation = theta;
        s.originTip = tail;
        s.terminalTip = tail;
    }

    /**
     * Adds one paddle: a new head on the circle of radius length + margin around the next pivot, drawn with
     * probability (free) x cos^2(min(continuity x turn, 90 degrees)); retried when it overlaps the mask.
     */
    private boolean extend(Canvas c, Snake s, SplittableRandom r, double contrast) {
        int[] pivot = translate(s.pivot, s.orientation, p.paddleLength() + 2 * p.margin());
        double radius = p.paddleLength() + p.margin();
        double step = 360.0 / (2 * radius * Math.PI);
        TreeSet<Long> unique = new TreeSet<>();
        for (double deg = 0; deg < 360; deg += step) {
            double y = pivot[0] + radius * Math.sin(Math.toRadians(deg));
            double x = pivot[1] + radius * Math.cos(Math.toRadians(deg));
            if (y >= n || y < 0 || x >= n || x < 0) {
                continue;
            }
            unique.add((long) (int) y * 100_000L + (int) x);
        }
        if (unique.isEmpty()) {
            return false;
        }
        int m = unique.size();
        int[][] coords = new int[m][];
        double[] orientations = new double[m];
        double[] cmf = new double[m];
        double total = 0;
        int i = 0;
        for (long key : unique) {
            int[] cd = {(int) (key / 100_000L), (int) (key % 100_000L)};
            double o = Math.atan2(cd[0] - pivot[0], cd[1] - pivot[1]);
            double delta = Math.abs(o - s.orientation);
            delta = Math.min(Math.min(delta, 2 * Math.PI - delta) * p.continuity(), Math.PI / 2);
            double w = Math.pow(Math.max(Math.cos(delta), 0), 2) * (1 - dilatedAt(c.mask, cd[0], cd[1], smallDisk));
            total += w;
            coords[i] = cd;
            orientations[i] = o;
            cmf[i] = total;
            i++;
        }
        if (total < 1e-4) {
            return false;
        }
        for (int trial = 0; trial <= p.maxPaddleRetrial(); trial++) {
            double u = r.nextDouble() * total;
            int k = 0;
            while (k < m - 1 && cmf[k] <= u) {
                k++;
            }
            Paddle paddle = paddle(coords[k], flip(orientations[k]));
            if (fits(c.mask, paddle)) {
                addLine(s.image, paddle, contrast);
                addMask(c.mask, s.lastMask);
                s.lastMask = paddle;
                s.pivot = pivot;
                s.orientation = orientations[k];
                s.terminalTip = coords[k];
                return true;
            }
        }
        return false;
    }

    private boolean fits(float[] mask, Paddle paddle) {
        boolean[] ok = {true};
        each(paddle, (w, q) -> {
            if (mask[w] + paddle.patch.mask[q] >= 1.8f) {
                ok[0] = false;
            }
            return 0;
        });
        return ok[0];
    }

    private void addMask(float[] mask, Paddle paddle) {
        if (paddle != null) {
            each(paddle, (w, q) -> {
                mask[w] = Math.max(mask[w], paddle.patch.mask[q]);
                return 0;
            });
        }
    }

    private void addLine(float[] image, Paddle paddle, double contrast) {
        each(paddle, (w, q) -> {
            image[w] = (float) Math.max(image[w], paddle.patch.line[q] * contrast);
            return 0;
        });
    }

    /** A paddle's line image and margin-dilated footprint on a (2 * patchRadius + 1) patch centred on its start. */
    private record Patch(float[] line, float[] mask) {
    }

    /** A patch placed with its centre at {@code start}; window pixels outside the image are skipped. */
    private record Paddle(Patch patch, int top, int left) {
    }

    private Paddle paddle(int[] start, double theta) {
        return new Paddle(patches.computeIfAbsent(theta, this::localPaddle), start[0] - patchRadius, start[1] - patchRadius);
    }

    /** Applies {@code op(windowIndex, patchIndex)} to every patch pixel inside the window. */
    private void each(Paddle paddle, java.util.function.IntBinaryOperator op) {
        int size = patchRadius * 2 + 1;
        for (int y = 0; y < size; y++) {
            int wy = paddle.top + y;
            if (wy < 0 || wy >= n) {
                continue;
            }
            for (int x = 0; x < size; x++) {
                int wx = paddle.left + x;
                if (wx >= 0 && wx < n) {
                    op.applyAsInt(wy * n + wx, y * size + x);
                }
            }
        }
    }

    /** A paddle drawn from the centre of its own (2 * patchRadius + 1) patch; orientations repeat, so these are cached. */
    private Patch localPaddle(double theta) {
        int aa = p.antialias();
        int blownSize = patchRadius * 2 * aa + 1;
        int center = patchRadius * aa;
        int[] head = translate(new int[] {center, center}, theta, p.paddleLength() * aa);
        boolean[] blown = new boolean[blownSize * blownSize];
        drawLine(blown, blownSize, center, center, head[0], head[1], (int) Math.rint(p.paddleThickness() * aa));
        boolean[] blownMask = dilate(blown, blownSize, disk(p.margin() * aa));
        int size = patchRadius * 2 + 1;
        return new Patch(Supersampler.downsample(blown, blownSize, size), Supersampler.downsample(blownMask, blownSize, size));
    }

    /**
     * The seed footprint: where a paddle in this orientation is fully solid (the original casts its soft mask
     * to uint8, keeping only the value 1), offsets relative to the centre of a (length + margin) window.
     */
    private int[][] seedStruct(double theta) {
        return seedStructs.computeIfAbsent(theta, this::computeSeedStruct);
    }

    private int[][] computeSeedStruct(double theta) {
        int half = p.paddleLength() + p.margin();
        int side = 2 * half + 1;
        int size = 2 * patchRadius + 1;
        Patch patch = patches.computeIfAbsent(theta, this::localPaddle);
        List<int[]> offsets = new ArrayList<>();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // The patch centre sits at (half + 1, half + 1) of a side x side window.
                int wy = half + 1 - patchRadius + y;
                int wx = half + 1 - patchRadius + x;
                if (wy >= 0 && wy < side && wx >= 0 && wx < side && patch.mask[y * size + x] >= 1f) {
                    offsets.add(new int[] {wy - half, wx - half});
                }
            }
        }
        if (offsets.isEmpty()) {
            // For some orientations no pixel of the soft footprint is fully solid; the seed must then at least
            // land on a free pixel itself, rather than anywhere (which could put it outside the image).
            offsets.add(new int[] {0, 0});
        }
        return offsets.toArray(new int[0][]);
    }

    private List<int[]> available(float[] dilated) {
        List<int[]> free = new ArrayList<>();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.ceil(dilated[y * n + x] - 0.3) <= 0) {
                    free.add(new int[] {y, x});
                }
            }
        }
        return free;
    }

    /** Grey-level dilation (max filter) over the given offsets; outside the image counts as nothing. */
    private float[] dilate(float[] src, int[][] offsets) {
        float[] out = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float v = 0;
                for (int[] o : offsets) {
                    int yy = y + o[0];
                    int xx = x + o[1];
                    if (yy >= 0 && yy < n && xx >= 0 && xx < n) {
                        v = Math.max(v, src[yy * n + xx]);
                    }
                }
                out[y * n + x] = v;
            }
        }
        return out;
    }

    /** One pixel of {@link #dilate(float[], int[][])}, for the few candidates an extension looks at. */
    private float dilatedAt(float[] src, int y, int x, int[][] offsets) {
        float v = 0;
        for (int[] o : offsets) {
            int yy = y + o[0];
            int xx = x + o[1];
            if (yy >= 0 && yy < n && xx >= 0 && xx < n) {
                v = Math.max(v, src[yy * n + xx]);
            }
        }
        return v;
    }

    private static boolean[] dilate(boolean[] src, int side, int[][] offsets) {
        boolean[] out = new boolean[src.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (!src[y * side + x]) {
                    continue;
                }
                for (int[] o : offsets) {
                    int yy = y + o[0];
                    int xx = x + o[1];
                    if (yy >= 0 && yy < side && xx >= 0 && xx < side) {
                        out[yy * side + xx] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Offsets of a filled disk of the given radius. */
    static int[][] disk(int radius) {
        List<int[]> o = new ArrayList<>();
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                if (x * x + y * y <= radius * radius) {
                    o.add(new int[] {y, x});
                }
            }
        }
        return o.toArray(new int[0][]);
    }

    /** A line of the given width: Bresenham for width 1, else every pixel within width/2 of the segment. */
    private static void drawLine(boolean[] img, int side, int y0, int x0, int y1, int x1, int width) {
        if (width <= 1) {
            int dx = Math.abs(x1 - x0);
            int dy = -Math.abs(y1 - y0);
            int sx = x0 < x1 ? 1 : -1;
            int sy = y0 < y1 ? 1 : -1;
            int err = dx + dy;
            int x = x0;
            int y = y0;
            while (true) {
                set(img, side, y, x);
                if (x == x1 && y == y1) {
                    break;
                }
                int e2 = 2 * err;
                if (e2 >= dy) {
                    err += dy;
                    x += sx;
                }
                if (e2 <= dx) {
                    err += dx;
                    y += sy;
                }
            }
            return;
        }
        double half = width / 2.0;
        double len2 = (double) (x1 - x0) * (x1 - x0) + (double) (y1 - y0) * (y1 - y0);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / len2));
                double ddx = x - (x0 + t * (x1 - x0));
                double ddy = y - (y0 + t * (y1 - y0));
                if (ddx * ddx + ddy * ddy <= half * half) {
                    set(img, side, y, x);
                }
            }
        }
    }

    private static void set(boolean[] img, int side, int y, int x) {
        if (y >= 0 && y < side && x >= 0 && x < side) {
            img[y * side + x] = true;
        }
    }

    /** A filled disk of {@code markerRadius} drawn at the supersampled scale and downsampled. */
    private float[] marker(int[] at) {
        int aa = p.antialias();
        int side = n * aa;
        boolean[] blown = new boolean[side * side];
        double r2 = Math.pow(p.markerRadius() * aa, 2);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double dy = y - at[0] * aa;
                double dx = x - at[1] * aa;
                blown[y * side + x] = dx * dx + dy * dy <= r2;
            }
        }
        return Supersampler.downsample(blown, side, n);
    }

    private boolean inside(int[] c) {
        return c[0] >= 0 && c[0] < n && c[1] >= 0 && c[1] < n;
    }

    /** Moves {@code dist} along {@code theta} (radians, y down) and rounds up, as the original does. */
    static int[] translate(int[] c, double theta, double dist) {
        return new int[] {(int) Math.ceil(c[0] + dist * Math.sin(theta)), (int) Math.ceil(c[1] + dist * Math.cos(theta))};
    }

    static double flip(double theta) {
        return theta < 0 ? theta + Math.PI : theta - Math.PI;
    }

    private static void max(float[] into, float[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

}
