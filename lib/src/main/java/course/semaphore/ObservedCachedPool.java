package course.semaphore;

import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cached thread pool, exactly as {@link java.util.concurrent.Executors#newCachedThreadPool()}
 * builds it (no core threads, no queue: a task goes to an idle thread or to a new one), with the
 * instruments needed to watch {@link NaiveBoundedExecutor} go wrong:
 *
 * <ul>
 *   <li>it counts the threads it creates ({@link #threadsCreated()}), and records each creation
 *       with its time in an {@link InFlightProbe} ({@link #threads()}), so that a chart can draw
 *       the count over time next to the task bodies in flight;</li>
 *   <li>its threads' uncaught exceptions are counted and kept ({@link #uncaught()},
 *       {@link #lastUncaught()}) instead of being printed.</li>
 * </ul>
 *
 * <p>It adds nothing to the time a task takes: what it records, it records when a thread is
 * created, outside every task. The second constructor does add something, for tests only: a
 * pause after each task, before the thread goes back to wait for work, which makes the window
 * between "task done" and "thread idle" wide enough for a test to hit every time. A chapter's
 * measurement uses the first constructor, so the pool behaves as the JDK's own.
 *
 * <p>{@link #close()} shuts the pool down and joins every thread it created, so nothing is
 * left running. It implements {@link Executor}, not {@code ExecutorService}: the lesson
 * needs only {@code execute}, {@code shutdown} and {@code close}.
 *
 * <pre>{@code
 * try (ObservedCachedPool pool = new ObservedCachedPool("cached")) {
 *     pool.execute(() -> work());
 *     pool.threadsCreated();                          // 1
 *     InFlightChart.image("Threads created", "threads", 4, pool.threads());
 * }
 * }</pre>
 */
public final class ObservedCachedPool implements Executor, AutoCloseable {
    private final String name;
    private final long afterTaskNanos;
    private final AtomicInteger created = new AtomicInteger();
    /** One enter() per thread created and no exit(), so its count is the threads created so far. */
    private final InFlightProbe threadsProbe = new InFlightProbe("threads the pool created");
    private final AtomicInteger uncaught = new AtomicInteger();
    private final AtomicReference<Throwable> lastUncaught = new AtomicReference<>();
    /** Every thread created, to join on close. Guarded by itself. */
    private final List<Thread> threads = new ArrayList<>();
    private final ThreadPoolExecutor pool;

    /**
     * Creates the pool: a cached thread pool with nothing added to its tasks.
     *
     * @param name the prefix of its threads' names
     * @throws IllegalArgumentException when the name is blank
     */
    public ObservedCachedPool(String name) {
        this(name, Duration.ZERO);
    }

    /**
     * Creates the pool with a pause after each task, for tests: each thread stays away from the
     * pool's hand-off for {@code afterTask} after each task, as a pool's after-task bookkeeping
     * (metrics, logging) would keep it, so the race {@link NaiveBoundedExecutor} loses happens on
     * every hand-over instead of on some.
     *
     * @param name      the prefix of its threads' names
     * @param afterTask how long each thread pauses after each task; zero for none
     * @throws IllegalArgumentException when the name is blank or the pause negative
     */
    public ObservedCachedPool(String name, Duration afterTask) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the pool needs a name for its threads");
        }
        this.name = name;
        Objects.requireNonNull(afterTask, "afterTask");
        if (afterTask.isNegative()) {
            throw new IllegalArgumentException("the after-task pause must not be negative, got " + afterTask);
        }
        this.afterTaskNanos = Durations.nanos(afterTask);
        this.pool = new Instrumented();
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /** Stops accepting tasks; {@code execute} then throws {@code RejectedExecutionException}. */
    public void shutdown() {
        pool.shutdown();
    }

    /** Threads created so far. A cached pool makes a new one whenever no thread is idle. */
    public int threadsCreated() {
        return created.get();
    }

    /**
     * The threads created over time, as a probe: one {@code enter} per thread at its creation and
     * never an {@code exit}, so its count at any moment is the threads created until then, and its
     * {@linkplain InFlightProbe#peak() peak} is {@link #threadsCreated()}. Its name,
     * {@code "threads the pool created"}, labels its curve on charts.
     */
    public InFlightProbe threads() {
        return threadsProbe;
    }

    /** The most threads the pool had at once. */
    public int largestPoolSize() {
        return pool.getLargestPoolSize();
    }

    /** Exceptions that escaped a task and reached a thread's uncaught exception handler. */
    public int uncaught() {
        return uncaught.get();
    }

    /** The last such exception, or {@code null}. */
    public Throwable lastUncaught() {
        return lastUncaught.get();
    }

    /** Shuts down, waits for running tasks, and joins every thread the pool created. */
    @Override
    public void close() {
        pool.close();
        List<Thread> all;
        synchronized (threads) {
            all = new ArrayList<>(threads);
        }
        Join.all(all);
    }

    @Override
    public String toString() {
        return "ObservedCachedPool[" + name + ": " + created.get() + " threads created, " + uncaught.get()
                + " uncaught exceptions]";
    }

    /** The cached pool itself, with its hooks. */
    private final class Instrumented extends ThreadPoolExecutor {
        Instrumented() {
            super(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, name + "-" + created.incrementAndGet());
                threadsProbe.enter();
                t.setUncaughtExceptionHandler((thread, e) -> {
                    uncaught.incrementAndGet();
                    lastUncaught.set(e);
                });
                synchronized (threads) {
                    threads.add(t);
                }
                return t;
            });
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            if (afterTaskNanos > 0) {
                pause(afterTaskNanos);
            }
        }

        private static void pause(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
