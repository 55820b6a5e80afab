package course.measure;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A progress line for a long measurement, shown live in the notebook and throttled so that it
 * never floods the output: {@code "sweep: 12 of 40 runs, 8.2 s"}.
 *
 * <p>The measurement calls {@link #step()} after each unit of work. The progress hands its line
 * to the listener given to {@link #whenDue} at most a few times a second (every
 * {@link #DEFAULT_INTERVAL}), and always at the last step, so the line shown at the end is the
 * finished one. {@code step()} also returns whether an update is due, for a cell that redraws its
 * chart instead of a line. Any thread may call {@code step()}; the listener is called by the
 * stepping thread, one call at a time, in order.
 *
 * <pre>{@code
 * var progress = Progress.of("sweep", 3 * workerCounts.length, "runs");
 * String shown = display(progress.line());                 // the kernel's display: returns an id
 * progress.whenDue(line -> updateDisplay(shown, line));    // replaces that output in place
 * for (...) {
 *     ...one run...
 *     progress.step();
 * }
 * // shown now reads: "sweep: 18 of 18 runs, 25.2 s"
 * }</pre>
 */
public final class Progress {
    /** The shortest time between two updates: four a second at most. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private final String task;
    private final int total;
    private final String unit;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long started;
    /** Steps done so far; 0 <= done, and at most total once the work is right. Guarded by this. */
    private int done;
    /** When the listener was last due (clock nanos); the start before the first update. Guarded by this. */
    private long lastShown;
    /** Called with the line when an update is due; never null. Guarded by this. */
    private Consumer<String> listener = line -> { };

    Progress(String task, int total, String unit, Duration interval, LongSupplier clock) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(clock, "clock");
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive, got " + total);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastShown = started;
    }

    /** A progress of {@code total} steps counted in {@code unit} ("runs", "points"); its clock starts now. */
    public static Progress of(String task, int total, String unit) {
        return new Progress(task, total, unit, DEFAULT_INTERVAL, System::nanoTime);
    }

    /** Like {@link #of(String, int, String)}, with updates at most once every {@code interval}. */
    public static Progress of(String task, int total, String unit, Duration interval) {
        return new Progress(task, total, unit, interval, System::nanoTime);
    }

    /** Sets what is called with the line whenever an update is due (replacing any earlier listener). */
    public synchronized Progress whenDue(Consumer<String> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** One more step done; see {@link #step(int)}. */
    public boolean step() {
        return step(1);
    }

    /**
     * {@code steps} more steps done. Returns true, after calling the listener with the new line,
     * when an update is due: the interval has passed since the last one, or this is the last step.
     */
    public synchronized boolean step(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        boolean wasFinished = done >= total;
        done += steps;
        long now = clock.getAsLong();
        boolean due = (done >= total && !wasFinished) || now - lastShown >= intervalNanos;
        if (due) {
            lastShown = now;
            listener.accept(line(now));
        }
        return due;
    }

    /**
     * Sets the steps done to {@code count}, when that is more than so far (a count read from the
     * work, such as the events projected); returns whether an update was due, as {@link #step(int)}.
     */
    public synchronized boolean advanceTo(long count) {
        return step((int) Math.max(0, Math.min(Integer.MAX_VALUE, count) - done));
    }

    /** Calls the listener with the line as of now, due or not: for the end of the work. */
    public synchronized void show() {
        long now = clock.getAsLong();
        lastShown = now;
        listener.accept(line(now));
    }

    /**
     * Follows work that counts its own progress: a thread reads {@code doneSoFar} once every
     * interval (at least every 10 ms) and {@link #advanceTo advances} to it, until the watch is
     * closed; closing reads it a last time and {@link #show shows} the final line.
     *
     * <pre>{@code
     * try (var watch = progress.watch(() -> app.projector().applied())) {
     *     app.projector().rebuild();
     *     app.awaitCaughtUp(Duration.ofSeconds(60));
     * }
     * }</pre>
     */
    public Watch watch(LongSupplier doneSoFar) {
        return new Watch(doneSoFar);
    }

    /** A thread that follows a count for a {@link Progress}; {@link #close()} stops it and joins it. */
    public final class Watch implements AutoCloseable {
        private final LongSupplier doneSoFar;
        private final Thread poller;

        private Watch(LongSupplier doneSoFar) {
            this.doneSoFar = Objects.requireNonNull(doneSoFar, "doneSoFar");
            long pollMillis = Math.max(10, intervalNanos / 1_000_000);
            this.poller = Thread.ofVirtual().name("progress-" + task).start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(pollMillis);
                        advanceTo(doneSoFar.getAsLong());
                    }
                } catch (InterruptedException e) {
                    // closed: the owner reads the count a last time
                }
            });
        }

        /** Stops following, waits for the thread to end, then shows the final count. */
        @Override
        public void close() {
            stopAndJoin(poller);
            advanceTo(doneSoFar.getAsLong());
            show();
        }
    }

    /** Interrupts {@code thread} and waits for it to end, keeping the caller's own interrupt for later. */
    static void stopAndJoin(Thread thread) {
        thread.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps done so far. */
    public synchronized int done() {
        return done;
    }

    /** The steps the work has. */
    public int total() {
        return total;
    }

    /** Seconds since the progress was made. */
    public double seconds() {
        return (clock.getAsLong() - started) / 1e9;
    }

    /** The line as of now: {@code "sweep: 12 of 40 runs, 8.2 s"}. */
    public synchronized String line() {
        return line(clock.getAsLong());
    }

    private String line(long now) {
        return String.format(Locale.ROOT, "%s: %,d of %,d %s, %.1f s", task, done, total, unit, (now - started) / 1e9);
    }

    @Override
    public String toString() {
        return line();
    }
}
