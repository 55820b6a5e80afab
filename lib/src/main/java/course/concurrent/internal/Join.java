package course.concurrent.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Joining threads: the course's one policy for waiting until the threads of a pool, a pipeline
 * run, an executor or a probe have ended.
 *
 * <p><b>The policy.</b> A close is <em>bounded</em>: it waits at most a grace period
 * ({@link #CLOSE_GRACE} unless the owner says otherwise), interrupts the threads still running
 * after a shorter nudge (or at once if the closing thread is itself interrupted), and when the
 * grace is over it gives up with an {@link IllegalStateException} that names the threads left,
 * rather than hang on a task that ignores both its stop signal and interrupts. It waits through
 * interrupts of the closing thread and restores the flag on return ({@link Uninterruptibly}),
 * so a close never leaves a thread behind because it was interrupted, and never swallows the
 * interrupt.
 *
 * <ul>
 *   <li>{@link #withGrace}: the bounded close.</li>
 *   <li>{@link #all(Iterable, long)}: join until a deadline, through interrupts; says whether
 *       every thread ended. For owners that do more than join while they close.</li>
 *   <li>{@link #all(Iterable)}: join without a bound, through interrupts, for threads that have
 *       been told to stop and cannot but end (a sleeping helper thread, say).</li>
 *   <li>{@link #interruptibly}: join until a deadline, but throw when interrupted, for an
 *       owner's {@code awaitTermination}.</li>
 *   <li>{@link #gaveUp}: the error of a bounded close that gave up, in one wording for all.</li>
 * </ul>
 *
 * <pre>{@code
 * halt();                                              // tell every thread to stop
 * Join.withGrace("pipeline run", threads, Duration.ofSeconds(10),
 *         "A step that ignores interrupts keeps its thread until it returns.");
 * }</pre>
 */
public final class Join {
    /** How long a close waits for its threads, unless the owner says otherwise. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private Join() {
    }

    /**
     * Waits until every thread of {@code threads} has ended, waiting on through interrupts. An
     * interrupt that arrives while waiting is remembered and restored on return.
     *
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static void all(Iterable<? extends Thread> threads) {
        Objects.requireNonNull(threads, "threads");
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {
            for (Thread thread : threads) {
                Objects.requireNonNull(thread, "thread");
                scope.run(thread::join);
            }
        }
    }

    /**
     * Like {@link #all(Iterable)}, but gives up once {@link System#nanoTime()} reaches
     * {@code deadline}. An interrupt while waiting is remembered and restored on return.
     *
     * @return whether every thread has ended
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static boolean all(Iterable<? extends Thread> threads, long deadline) {
        Objects.requireNonNull(threads, "threads");
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {
            for (Thread thread : threads) {
                Objects.requireNonNull(thread, "thread");
                if (!scope.call(() -> joined(thread, deadline))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits until every thread has ended or {@link System#nanoTime()} reaches {@code deadline},
     * whichever comes first. A deadline already passed only looks.
     *
     * @return whether every thread has ended
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static boolean interruptibly(Iterable<? extends Thread> threads, long deadline) throws InterruptedException {
        Objects.requireNonNull(threads, "threads");
        for (Thread thread : threads) {
            Objects.requireNonNull(thread, "thread");
            if (!joined(thread, deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bounded close without a nudge, for threads that have already been told to stop
     * (interrupted, cancelled): {@link #withGrace(String, Collection, Duration, Duration, String)}
     * with a nudge as long as the grace.
     */
    public static void withGrace(String owner, Collection<? extends Thread> threads, Duration grace, String advice) {
        withGrace(owner, threads, grace, grace, advice);
    }

    /**
     * The bounded close: waits until every thread of {@code threads} has ended, interrupting
     * those still running once {@code nudge} has passed (at once if this thread is interrupted
     * meanwhile), and gives up when {@code grace} has passed. A grace beyond 292 years waits as
     * long as it takes. Interrupts of this thread are remembered and restored on return.
     *
     * @param owner  how the error names the owner of the threads, e.g. {@code "course-pool-3"}
     * @param advice what the error adds: why a thread may be left, and what becomes of it
     * @throws IllegalStateException when a thread is still running after {@code grace}; the
     *                               message names every such thread ({@link #gaveUp})
     * @throws NullPointerException  when an argument or one of the threads is null
     */
    public static void withGrace(String owner, Collection<? extends Thread> threads, Duration nudge, Duration grace,
                                 String advice) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(advice, "advice");
        List<Thread> all = new ArrayList<>(Objects.requireNonNull(threads, "threads"));
        all.forEach(t -> Objects.requireNonNull(t, "thread"));
        long begin = System.nanoTime();
        long graceNanos = Math.max(0, Durations.nanos(grace));
        long nudgeNanos = Math.min(Math.max(0, Durations.nanos(nudge)), graceNanos);
        long deadline = begin + graceNanos;
        long nudgeAt = begin + nudgeNanos;
        boolean[] nudged = {nudgeNanos == graceNanos};   // a nudge at the very end is none
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {
            for (Thread thread : all) {
                while (thread.isAlive()) {
                    if (!nudged[0] && System.nanoTime() - nudgeAt >= 0) {
                        nudged[0] = interruptAlive(all);
                    }
                    boolean ended = scope.call(() -> joined(thread, nudged[0] ? deadline : nudgeAt),
                            () -> nudged[0] = interruptAlive(all));   // the closer is in a hurry: nudge now
                    if (!ended && nudged[0] && System.nanoTime() - deadline >= 0) {
                        String after = "close() began" + (nudgeNanos < graceNanos
                                ? ", interrupted after " + TimeUnit.NANOSECONDS.toMillis(nudgeNanos) + " ms" : "");
                        throw gaveUp(owner, all, grace, after, advice);
                    }
                }
            }
        }
    }

    /**
     * The error of a bounded close that gave up: {@code "<owner> did not close: <n> of its threads
     * [<names>] still running <grace> ms after <after>. <advice>"}.
     */
    public static IllegalStateException gaveUp(String owner, Iterable<? extends Thread> threads, Duration grace,
                                               String after, String advice) {
        List<String> left = alive(threads);
        return new IllegalStateException(owner + " did not close: " + left.size() + " of its threads " + left
                + " still running " + TimeUnit.MILLISECONDS.convert(grace) + " ms after " + after + ". " + advice);
    }

    /** The names of the threads of {@code threads} still alive, in their order. */
    public static List<String> alive(Iterable<? extends Thread> threads) {
        List<String> names = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** Joins {@code thread} until {@code deadline}; a passed deadline only looks. */
    private static boolean joined(Thread thread, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left <= 0 ? !thread.isAlive() : thread.join(Duration.ofNanos(left));
    }

    /** Interrupts every thread still alive; returns true, for the caller's "nudged" flag. */
    private static boolean interruptAlive(List<Thread> threads) {
        for (Thread thread : threads) {
            if (thread.isAlive() && thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
        return true;
    }
}
