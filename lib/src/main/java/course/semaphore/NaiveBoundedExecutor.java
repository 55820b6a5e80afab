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
 * <p>It has two faults, both real, both observable with {@link ObservedCachedPool}:
 *
 * <ol>
 *   <li><b>It overshoots its bound when the executor is a cached thread pool.</b> The permit
 *       goes back at the end of the task's body, but the pool thread is not idle yet: it
 *       still has to run the pool's after-task step and get back to the pool's hand-off
 *       queue. A submitter that was waiting for that permit calls {@code execute} at once; a
 *       cached pool hands a task only to an idle thread, finds none, and starts a new one.
 *       So the pool ends up with more threads than the bound, and more of them busy at
 *       once than the bound allows, while the semaphore says all is well. The wider the
 *       gap between "body done" and "thread idle" (logging, metrics or thread-local
 *       clean-up in an after-task hook; a busy machine), the larger the overshoot. The
 *       bound also covers only tasks that come through this wrapper: anything else
 *       submitted to the shared executor is not counted at all.</li>
 *   <li><b>It swallows exceptions.</b> A {@link RejectedExecutionException} from the
 *       executor (it was shut down, or its queue is full) is caught, the permit is
 *       released, and {@link #submitTask(Runnable)} returns normally: the caller believes
 *       the task was accepted, and it never runs. And since {@code submitTask} returns
 *       nothing, an exception thrown by the task itself goes to the pool thread's uncaught
 *       exception handler (by default, a stack trace on standard error) and never reaches
 *       the code that submitted it.</li>
 * </ol>
 *
 * <p>{@link BoundedExecutor} fixes both: it owns its threads (one virtual thread per task,
 * nothing runs on it after the permit goes back), and returns a {@code Future} while
 * rethrowing rejections.
 *
 * <pre>{@code
 * try (ObservedCachedPool pool = new ObservedCachedPool("cached", busy, Duration.ofMillis(1))) {
 *     NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
 *     for (int i = 0; i < 100; i++) {
 *         naive.submitTask(() -> work());
 *     }
 * }
 * busy.peak();                  // more than 2: the bound was overshot
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
                    semaphore.release();    // fault 1: the pool thread is not idle yet
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
