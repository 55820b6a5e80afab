package course.semaphore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Records how many jobs are in flight over time, for the chapter's charts and tests.
 *
 * <p>A job calls {@link #enter()} when it starts and {@link #exit()} when it ends (or wraps
 * its body in {@link #run(Runnable)} or {@link #call(Callable)}, which do both). Every
 * event is recorded with its time and the count after it, so the record is exact: no
 * sampler thread, nothing to stop, and no short burst missed between two samples.
 * {@link #peak()} is the most jobs that were ever in flight at once; {@link #samples()}
 * is the step curve that {@link InFlightChart} draws.
 *
 * <p>All methods are thread-safe. Events are kept in memory (two numbers each), up to
 * {@link #MAX_EVENTS}; past that the count and the peak stay exact but later events are
 * not kept for the chart.
 *
 * <pre>{@code
 * InFlightProbe probe = new InFlightProbe("bounded");
 * try (BoundedExecutor exec = new BoundedExecutor(4)) {
 *     for (int i = 0; i < 100; i++) {
 *         exec.submit(() -> probe.call(() -> slowLookup()));
 *     }
 * }
 * probe.peak();                                  // 4 at most
 * InFlightChart.image("Jobs in flight", 4, probe);
 * }</pre>
 */
public final class InFlightProbe {
    /** The most events kept for the chart. */
    public static final int MAX_EVENTS = 1_000_000;

    /** One point of the step curve: {@code inFlight} jobs from {@code millis} after the probe was made. */
    public record Sample(double millis, int inFlight) {
    }

    private final String name;
    private final long origin = System.nanoTime();

    // All of the following are guarded by `this`.
    /** Jobs in flight now: entries minus exits. Never negative. */
    private int current;
    /** The largest value `current` has had. */
    private int peak;
    /** How many times enter() was called. */
    private long entries;
    /** Event times in nanoseconds since `origin`, and the count after each; parallel, same length. */
    private long[] times = new long[64];
    private int[] counts = new int[64];
    private int events;

    /**
     * Creates a probe; the name labels its curve on charts.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public InFlightProbe(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a probe needs a name for its chart legend");
        }
        this.name = name;
        record(origin, 0);
    }

    /** Records that a job started. */
    public synchronized void enter() {
        current++;
        entries++;
        peak = Math.max(peak, current);
        record(System.nanoTime(), current);
    }

    /**
     * Records that a job ended.
     *
     * @throws IllegalStateException when no job is in flight (an exit without an enter)
     */
    public synchronized void exit() {
        if (current == 0) {
            throw new IllegalStateException("exit without enter on probe '" + name + "': no job is in flight");
        }
        current--;
        record(System.nanoTime(), current);
    }

    /** Runs {@code body} between {@link #enter()} and {@link #exit()}. */
    public void run(Runnable body) {
        Objects.requireNonNull(body, "body");
        enter();
        try {
            body.run();
        } finally {
            exit();
        }
    }

    /** Calls {@code body} between {@link #enter()} and {@link #exit()}, returning its value. */
    public <T> T call(Callable<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        enter();
        try {
            return body.call();
        } finally {
            exit();
        }
    }

    /**
     * The {@link System#nanoTime()} at which the probe was made: the zero of its samples' times,
     * so that curves of several probes can be put on one clock.
     */
    public long startNanos() {
        return origin;
    }

    /** The probe's name. */
    public String name() {
        return name;
    }

    /** Jobs in flight now. */
    public synchronized int current() {
        return current;
    }

    /** The most jobs that were in flight at once. */
    public synchronized int peak() {
        return peak;
    }

    /** How many jobs have started. */
    public synchronized long entries() {
        return entries;
    }

    /** Milliseconds from the probe's creation to its last recorded event. */
    public synchronized double spanMillis() {
        return times[events - 1] / 1e6;
    }

    /**
     * The step curve: one sample per recorded event, in time order, starting with
     * {@code (0, 0)} when the probe was made.
     */
    public synchronized List<Sample> samples() {
        List<Sample> out = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            out.add(new Sample(times[i] / 1e6, counts[i]));
        }
        return out;
    }

    /** One line: name, now, peak and starts. */
    @Override
    public synchronized String toString() {
        return "InFlightProbe[" + name + ": " + current + " in flight, peak " + peak + ", " + entries + " started]";
    }

    /** Appends an event; called with the lock held. */
    private void record(long nanos, int count) {
        if (events == MAX_EVENTS) {
            return;
        }
        if (events == times.length) {
            int size = Math.min(MAX_EVENTS, times.length * 2);
            times = java.util.Arrays.copyOf(times, size);
            counts = java.util.Arrays.copyOf(counts, size);
        }
        times[events] = nanos - origin;
        counts[events] = count;
        events++;
    }
}
