package course.semaphore;

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
 * builds it, with the instruments needed to watch {@link NaiveBoundedExecutor} go wrong:
 *
 * <ul>
 *   <li>it counts the threads it creates ({@link #threadsCreated()});</li>
 *   <li>it records in an {@link InFlightProbe} how many of its threads are busy with a task,
 *       from just before the task to the end of the pool's after-task step;</li>
 *   <li>its threads' uncaught exceptions are counted and kept ({@link #uncaught()},
 *       {@link #lastUncaught()}) instead of being printed;</li>
 *   <li>an optional after-task pause stands for the bookkeeping real pools do after each
 *       task (logging, metrics, clearing thread-locals). Zero means none.</li>
 * </ul>
 *
 * <p>{@link #close()} shuts the pool down and joins every thread it created, so nothing is
 * left running. It implements {@link Executor}, not {@code ExecutorService}: the lesson
 * needs only {@code execute}, {@code shutdown} and {@code close}.
 *
 * <pre>{@code
 * InFlightProbe busy = new InFlightProbe("cached pool threads busy");
 * try (ObservedCachedPool pool = new ObservedCachedPool("cached", busy, Duration.ZERO)) {
 *     pool.execute(() -> work());
 * }
 * }</pre>
 */
public final class ObservedCachedPool implements Executor, AutoCloseable {
    private final String name;
    private final InFlightProbe busy;
    private final long afterTaskNanos;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger uncaught = new AtomicInteger();
    private final AtomicReference<Throwable> lastUncaught = new AtomicReference<>();
    /** Every thread created, to join on close. Guarded by itself. */
    private final List<Thread> threads = new ArrayList<>();
    private final ThreadPoolExecutor pool;

    /**
     * Creates the pool.
     *
     * @param name      the prefix of its threads' names
     * @param busy      where to record its busy threads
     * @param afterTask how long each thread stays busy after each task, for bookkeeping
     * @throws IllegalArgumentException when the name is blank or the pause negative
     */
    public ObservedCachedPool(String name, InFlightProbe busy, Duration afterTask) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the pool needs a name for its threads");
        }
        this.name = name;
        this.busy = Objects.requireNonNull(busy, "busy");
        Objects.requireNonNull(afterTask, "afterTask");
        if (afterTask.isNegative()) {
            throw new IllegalArgumentException("the after-task pause must not be negative, got " + afterTask);
        }
        this.afterTaskNanos = afterTask.toNanos();
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
        boolean interrupted = false;
        for (Thread t : all) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
        protected void beforeExecute(Thread t, Runnable r) {
            busy.enter();
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            try {
                if (afterTaskNanos > 0) {
                    pause(afterTaskNanos);
                }
            } finally {
                busy.exit();
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
