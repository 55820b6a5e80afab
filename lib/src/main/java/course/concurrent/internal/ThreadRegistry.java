package course.concurrent.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads of one family (every worker pool's, every pipeline's) that have not finished
 * their task: the course's one registry for leak checks.
 *
 * <p>A thread made by {@link #unstarted} is registered at once and leaves the registry as the
 * last thing its task does, however the task ends; a thread that is never started must be
 * {@linkplain #forget forgotten}. So {@link #live()} is zero exactly when every thread of the
 * family has run its task to the end (or was never started and was forgotten), and a test or a
 * benchmark can assert it after closing what it used. Unlike a scan of
 * {@link Thread#getAllStackTraces()}, it sees virtual threads too, and it costs nothing to ask.
 * A finished thread is not kept, so a closed pool or run and its queues can be collected.
 * Every method is thread-safe.
 *
 * <pre>{@code
 * static final ThreadRegistry THREADS = new ThreadRegistry();
 * Thread t = THREADS.unstarted(Thread.ofVirtual().name("worker-1"), task);
 * t.start();
 * ...
 * assert THREADS.live() == 0;        // once every thread has finished its task
 * }</pre>
 */
public final class ThreadRegistry {
    /** Registered threads whose task has not finished (or which never started and were not forgotten). */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /**
     * A new, unstarted thread from {@code builder} that runs {@code task}, registered from now
     * until {@code task} returns or throws.
     *
     * @throws NullPointerException when an argument is null
     */
    public Thread unstarted(Thread.Builder builder, Runnable task) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(task, "task");
        Thread thread = builder.unstarted(() -> {
            try {
                task.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        return thread;
    }

    /**
     * Starts {@code thread}, made by {@link #unstarted}; if it cannot start (no memory for
     * another thread, say), forgets it and rethrows.
     */
    public Thread start(Thread thread) {
        try {
            thread.start();
            return thread;
        } catch (RuntimeException | Error e) {
            forget(thread);
            throw e;
        }
    }

    /** Forgets a thread made here that will never start. Harmless for any other thread. */
    public void forget(Thread thread) {
        threads.remove(thread);
    }

    /** How many registered threads have not finished their task. */
    public int live() {
        return threads.size();
    }

    /** Their names, sorted. Empty when {@link #live()} is zero. */
    public List<String> liveNames() {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
