package course.semaphore;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * <b>The wrong version, kept for the lesson.</b> The semaphore-bounded executor of
 * <i>Java Concurrency in Practice</i>, listing 8.4, as it is usually copied: it wraps an
 * executor it does not own, takes a permit before handing each task over, and gives the
 * permit back in a {@code finally} at the end of the task. Use {@link BoundedExecutor}.
 *
 * <p>The semaphore does bound the task bodies: a body runs only between its task's acquire
 * and release, so no more than {@code bound} bodies are ever in flight. What it fails to bound
 * is the executor behind it, and it hides what goes wrong there. Its two faults, both real,
 * both observable with {@link ObservedCachedPool}:
 *
 * <ol>
 *   <li><b>With a cached thread pool it runs more pool tasks, on more threads, than its
 *       bound.</b> The permit goes back at the end of the task's body, while the pool thread
 *       is still inside the task: it has yet to return from it and get back to the pool's
 *       hand-off queue to wait for the next one. A submitter that was waiting for that permit
 *       calls {@code execute} at once; a cached pool hands a task only to a thread that is
 *       already waiting there, finds none, and creates a new one. So for a moment the pool
 *       runs more of its tasks than the bound (the old one finishing, the new one starting),
 *       and it keeps the extra threads: it ends up with more threads than the bound, which is
 *       the very resource a bound on a cached pool is there to cap. Nothing in the set-up has
 *       to widen that window: the JDK's own pool loses the race without help. The bound
 *       also covers only tasks that come through this wrapper: anything else submitted to the
 *       shared executor is not counted at all. (With a pool of exactly {@code bound} threads
 *       and no queue, the same race makes {@code execute} reject the task instead, and fault
 *       2 then loses it. The book itself pairs the wrapper with a fixed pool and an unbounded
 *       queue, where the race costs nothing: the task waits in the queue.)</li>
 *   <li><b>It swallows the rejection.</b> A {@link RejectedExecutionException} from the
 *       executor (it was shut down, or it has no thread and no queue room) is caught, the
 *       permit is released, and {@link #submitTask(Runnable)} returns normally: the caller
 *       believes the task was accepted, and it never runs. And since {@code submitTask}
 *       returns nothing, an exception thrown by the task itself goes to the pool thread's
 *       uncaught exception handler (by default, a stack trace on standard error) and never
 *       reaches the code that submitted it.</li>
 * </ol>
 *
 * <p>{@link BoundedExecutor} fixes both: it owns its threads (one virtual thread per task,
 * nothing runs on it after the permit goes back), and returns a {@code Future} while
 * rethrowing rejections.
 *
 * <pre>{@code
 * InFlightProbe bodies = new InFlightProbe("task bodies in flight");
 * try (ObservedCachedPool pool = new ObservedCachedPool("cached")) {
 *     NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
 *     for (int i = 0; i < 100; i++) {
 *         naive.submitTask(() -> bodies.run(() -> work()));
 *     }
 *     bodies.peak();            // at most 2: the bodies are bounded
 *     pool.threadsCreated();    // often more than 2: the pool is not
 * }
 * }</pre>
 */
public final class NaiveBoundedExecutor {
    private final Executor exec;
    /** One permit per task handed to `exec` whose body has not finished. */
    private final Semaphore semaphore;
    private final int bound;

    /**
     * Wraps {@code exec}, allowing {@code bound} tasks at a time through this wrapper.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public NaiveBoundedExecutor(Executor exec, int bound) {
        this.exec = Objects.requireNonNull(exec, "exec");
        if (bound <= 0) {
            throw new IllegalArgumentException("the bound must be positive, got " + bound);
        }
        this.bound = bound;
        this.semaphore = new Semaphore(bound);
    }

    /**
     * Takes a permit (waiting for one), then hands the task to the executor.
     * <b>Returns normally even when the executor rejected the task.</b>
     *
     * @throws InterruptedException when interrupted while waiting for a permit
     */
    public void submitTask(Runnable command) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        semaphore.acquire();
        try {
            exec.execute(() -> {
                try {
                    command.run();
                } finally {
                    semaphore.release();    // fault 1: the pool thread is not back at the pool's queue yet
                }
            });
        } catch (RejectedExecutionException e) {
            semaphore.release();            // fault 2: the rejection stops here
        }
    }

    /** The bound it was built with. */
    public int bound() {
        return bound;
    }

    /** Permits free right now. */
    public int available() {
        return semaphore.availablePermits();
    }
}
