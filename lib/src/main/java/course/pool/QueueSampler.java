package course.pool;

import course.concurrent.internal.Durations;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live picture of a pool's two buffers: a thread that reads, every sampling period, how many
 * jobs wait in the pool's jobs queue and how many results wait in its results stream, from the
 * moment it starts until it is closed. Chapter 1 charts the samples as steps, to show the queues
 * filling and draining during a run.
 *
 * <p><b>What a sample says.</b> Each sample is a snapshot taken by the sampler's own thread
 * ({@link AbstractPool#jobsWaiting()}, {@link AbstractPool#resultsWaiting()}), so a change
 * shorter than the period can fall between two samples: a sampled peak may be lower than the true
 * one, never higher than the buffer. Times are in milliseconds since the sampler started;
 * {@link #elapsedMillis()} gives the same clock to mark an event of the run (say, the moment the
 * reader slowed down).
 *
 * <p><b>Bounded memory.</b> The sampler keeps at most {@link #MAX_SAMPLES} samples: when it
 * reaches that many, it keeps every other one and samples half as often from then on.
 *
 * <p><b>Threads.</b> The sampler runs on one platform daemon thread named
 * {@code <pool name>-sampler}, which is not one of the pool's threads (a pool's thread count
 * does not include it). {@link #close()} takes a last sample, stops the thread and joins it; it
 * is idempotent. Reading the samples before the close gives those taken so far.
 *
 * <pre>{@code
 * try (var pool = new WorkerPool<Integer, Integer>(2)) {
 *     var sampler = QueueSampler.start(pool, Duration.ofMillis(1));
 *     pool.runAll(Context.background(), Jobs.sleeping(20, Duration.ofMillis(10)));
 *     sampler.close();
 *     Charts.line("Queue depths", "time (ms)", "items waiting").steps()
 *           .series("jobs queue", sampler.times(), sampler.jobs())
 *           .series("results stream", sampler.times(), sampler.results())
 *           .image();
 * }
 * }</pre>
 */
public final class QueueSampler implements AutoCloseable {
    /** The sampler keeps at most this many samples, thinning them out beyond it. */
    public static final int MAX_SAMPLES = 20_000;

    private final AbstractPool<?, ?> pool;
    /** {@code System.nanoTime()} when the sampler started: time zero of every sample. */
    private final long origin;
    private final Thread thread;
    /** Set by the first {@link #close()}. */
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Guards the three arrays and {@link #count}. Never held while sleeping. */
    private final Object lock = new Object();
    /** Invariant: the first {@code count} entries of each array are the samples, in time order. */
    private final long[] atNanos = new long[MAX_SAMPLES];
    private final int[] jobs = new int[MAX_SAMPLES];
    private final int[] results = new int[MAX_SAMPLES];
    private int count;
    /** The sampling period; doubled by the sampler's thread each time it thins its samples. */
    private volatile long periodNanos;

    private QueueSampler(AbstractPool<?, ?> pool, long periodNanos) {
        this.pool = pool;
        this.periodNanos = periodNanos;
        this.origin = System.nanoTime();
        this.thread = Thread.ofPlatform().daemon().name(pool.name() + "-sampler").unstarted(this::loop);
    }

    /**
     * Starts sampling {@code pool} every {@code period}, at once (the first sample is taken now,
     * before this returns).
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code period} is zero or negative
     */
    public static QueueSampler start(AbstractPool<?, ?> pool, Duration period) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the sampling period must be positive, got " + period);
        }
        QueueSampler sampler = new QueueSampler(pool, Durations.nanos(period));
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    /** Milliseconds since the sampler started, on the clock of {@link #times()}. */
    public double elapsedMillis() {
        return (System.nanoTime() - origin) / 1e6;
    }

    /** When each sample was taken, in milliseconds since the sampler started. */
    public double[] times() {
        synchronized (lock) {
            return Arrays.stream(atNanos, 0, count).mapToDouble(t -> t / 1e6).toArray();
        }
    }

    /** How many jobs waited in the jobs queue at each sample. */
    public double[] jobs() {
        synchronized (lock) {
            return Arrays.stream(jobs, 0, count).asDoubleStream().toArray();
        }
    }

    /** How many results waited in the results stream at each sample. */
    public double[] results() {
        synchronized (lock) {
            return Arrays.stream(results, 0, count).asDoubleStream().toArray();
        }
    }

    /** The number of samples kept so far. */
    public int samples() {
        synchronized (lock) {
            return count;
        }
    }

    /** The capacity of each of the pool's two buffers: the largest depth a sample can show. */
    public int capacity() {
        return pool.buffer();
    }

    /** Takes a last sample, stops the sampler's thread and waits for it to end. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = false;
        thread.interrupt();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;   // remembered, restored below: the thread must be joined
            }
        }
        sample();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "QueueSampler[" + pool.name() + ", " + samples() + " samples]";
    }

    // ---- the sampler's thread --------------------------------------------------------------

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Duration.ofNanos(periodNanos));
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        int jobsNow = pool.jobsWaiting();
        int resultsNow = pool.resultsWaiting();
        long now = System.nanoTime() - origin;
        synchronized (lock) {
            if (count == MAX_SAMPLES) {
                thin();
            }
            atNanos[count] = now;
            jobs[count] = jobsNow;
            results[count] = resultsNow;
            count++;
        }
    }

    /** Keeps the even-numbered samples and halves the sampling rate; under the lock. */
    private void thin() {
        int kept = 0;
        for (int s = 0; s < count; s += 2, kept++) {
            atNanos[kept] = atNanos[s];
            jobs[kept] = jobs[s];
            results[kept] = results[s];
        }
        count = kept;
        periodNanos *= 2;
    }
}
