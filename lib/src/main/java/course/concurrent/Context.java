package course.concurrent;

import course.concurrent.internal.Durations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A cancellation token with an optional deadline: the Java twin of Go's {@code context.Context}.
 *
 * <p><b>What it is for.</b> Code that may run for a while takes a {@code Context} and checks it:
 * {@link #isDone()} or {@link #throwIfDone()} between steps, {@link #sleep(Duration)} instead of
 * {@code Thread.sleep}, or {@link #onDone(Runnable)} to be told. The code that started the work
 * keeps the power to stop it: it calls {@link #cancel()}, or it gave the context a deadline.
 *
 * <p><b>The tree.</b> Contexts form a tree rooted at {@link #background()}, which is never done
 * and cannot be cancelled. {@link #withCancel()}, {@link #withTimeout(Duration)} and
 * {@link #withDeadline(Instant)} make a child. A child is done when it is cancelled, when its
 * deadline passes, or when its parent is done (it then reports its parent's cause). Cancelling a
 * child never touches its parent. A child's deadline is never later than its parent's.
 *
 * <p><b>The cause.</b> {@link #cause()} is {@code null} while the context is live, then a
 * {@link CancelledException} ("context canceled") or a {@link DeadlineExceededException}
 * ("context deadline exceeded"). The first reason wins and never changes. What
 * {@link #throwIfDone()} and {@link #sleep} throw is a fresh exception of the same kind for
 * each throw, whose {@linkplain Throwable#getCause() cause} is that one.
 *
 * <p><b>Threads.</b> A context owns no thread. Deadlines are checked lazily by every query
 * ({@link #isDone()} looks at the clock), and a single shared daemon timer thread, named
 * {@value #TIMER_THREAD}, fires {@link #onDone} callbacks when a deadline passes. That thread
 * exists only while some deadline is pending (plus one idle second), and never keeps the JVM
 * alive. Every method is thread-safe.
 *
 * <pre>{@code
 * Context ctx = Context.background().withTimeout(Duration.ofMillis(50));
 * try {
 *     ctx.sleep(Duration.ofSeconds(1));          // wakes after 50 ms
 * } catch (DeadlineExceededException e) {
 *     System.out.println(e.getMessage());       // context deadline exceeded
 * } finally {
 *     ctx.cancel();                              // always release a context you made
 * }
 * }</pre>
 */
public final class Context {
    /** The name of the shared timer thread that fires deadlines. */
    public static final String TIMER_THREAD = "course-context-timer";

    private static final Context BACKGROUND = new Context(null, null, 0L);

    /** The shared deadline timer: one daemon thread, started on demand, gone after 1 s idle. */
    private static final ScheduledThreadPoolExecutor TIMER = newTimer();

    /** The parent, or {@code null} for the background context. Never changes. */
    private final Context parent;
    /** The deadline as wall time, or {@code null} when there is none. Never changes. */
    private final Instant deadline;
    /** The deadline on the {@link System#nanoTime()} clock; meaningful only when {@link #deadline} is set. */
    private final long deadlineNanos;

    /** Guards {@link #callbacks}, {@link #timer} and {@link #parentLink}, and the single write of {@link #cause}. */
    private final Object lock = new Object();
    /** {@code null} while live; set once, under {@link #lock}, to the reason this context is done. */
    private volatile ContextException cause;
    /** Callbacks to run when done, in registration order; {@code null} once done. Guarded by {@link #lock}. */
    private List<Runnable> callbacks = new ArrayList<>();
    /** The pending deadline task, cancelled when done first for another reason. Guarded by {@link #lock}. */
    private ScheduledFuture<?> timer;
    /** This context's registration on its parent, removed when done. Guarded by {@link #lock}. */
    private Registration parentLink;
    /** Counted down once, when done; lets threads wait. */
    private final CountDownLatch doneLatch = new CountDownLatch(1);

    private Context(Context parent, Instant deadline, long deadlineNanos) {
        this.parent = parent;
        this.deadline = deadline;
        this.deadlineNanos = deadlineNanos;
    }

    /** The root context: never done, no deadline, and {@link #cancel()} is not allowed on it. */
    public static Context background() {
        return BACKGROUND;
    }

    /** A child that is done when cancelled or when this context is done. */
    public Context withCancel() {
        return child(deadline, deadlineNanos);
    }

    /**
     * A child that is also done {@code timeout} from now. A zero or negative timeout gives a
     * child whose deadline has already passed.
     *
     * @throws NullPointerException when {@code timeout} is null
     */
    public Context withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long now = System.nanoTime();
        long nanos = clampedNanos(timeout);
        return childWithDeadline(Instant.now().plusNanos(nanos), now + nanos);
    }

    /**
     * A child that is also done at the wall-clock instant {@code deadline}.
     *
     * @throws NullPointerException when {@code deadline} is null
     */
    public Context withDeadline(Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        long now = System.nanoTime();
        long nanos = clampedNanos(Duration.between(Instant.now(), deadline));
        return childWithDeadline(deadline, now + nanos);
    }

    /**
     * Cancels this context and all its descendants. Does nothing if it is already done.
     *
     * @throws UnsupportedOperationException on the {@link #background()} context
     */
    public void cancel() {
        if (parent == null) {
            throw new UnsupportedOperationException("the background context cannot be cancelled; "
                    + "cancel a child made with withCancel(), withTimeout() or withDeadline()");
        }
        complete(new CancelledException());
    }

    /** Whether this context is done: cancelled, past its deadline, or its parent is done. */
    public boolean isDone() {
        if (cause != null) {
            return true;
        }
        if (deadline != null && System.nanoTime() - deadlineNanos >= 0) {
            complete(new DeadlineExceededException());
            return true;
        }
        return false;
    }

    /** Why this context is done, or {@code null} while it is live. Never changes once set. */
    public ContextException cause() {
        return isDone() ? cause : null;
    }

    /**
     * Throws if this context is done, a fresh exception of the {@linkplain #cause() cause}'s kind
     * and message whose own cause is {@link #cause()}; returns otherwise.
     *
     * @throws CancelledException        when it was cancelled
     * @throws DeadlineExceededException when its deadline passed
     */
    public void throwIfDone() {
        if (isDone()) {
            throw cause.thrownAgain();
        }
    }

    /** The deadline, if this context (or an ancestor) has one. */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Sleeps for {@code duration}, or less if this context is done first.
     *
     * @throws ContextException     when the context is done before the time is up (at once if it already is)
     * @throws InterruptedException when the sleeping thread is interrupted
     */
    public void sleep(Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        if (awaitDone(duration)) {
            throw cause.thrownAgain();
        }
    }

    /**
     * Waits until this context is done.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws IllegalStateException on the background context, which is never done
     */
    public void awaitDone() throws InterruptedException {
        if (parent == null) {
            throw new IllegalStateException("the background context is never done; awaiting it would block forever");
        }
        while (!awaitDone(Duration.ofDays(1))) {
            // keep waiting
        }
    }

    /**
     * Waits at most {@code timeout} for this context to be done.
     *
     * @return whether it is done
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long end = Durations.deadlineAfter(timeout);
        while (!isDone()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (deadline != null) {
                left = Math.min(left, Math.max(deadlineNanos - System.nanoTime(), 0) + 1);
            }
            doneLatch.await(left, TimeUnit.NANOSECONDS);
        }
        return true;
    }

    /**
     * Runs {@code callback} once when this context is done, in the thread that completes it
     * (the canceller, or the timer thread for a deadline); at once, in this thread, if it is
     * already done. Callbacks must be quick and must not block. An exception a callback throws
     * is passed on to the completing thread after the other callbacks have run.
     *
     * @return a registration whose {@link Registration#remove()} forgets the callback
     */
    public Registration onDone(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (parent == null) {
            return Registration.NONE; // the background context is never done
        }
        isDone(); // expire a passed deadline first
        synchronized (lock) {
            if (callbacks != null) {
                callbacks.add(callback);
                return () -> {
                    synchronized (lock) {
                        if (callbacks != null) {
                            callbacks.remove(callback);
                        }
                    }
                };
            }
        }
        callback.run();
        return Registration.NONE;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "Context[background]";
        }
        ContextException c = cause();
        return "Context[" + (c == null ? "live" : c.getMessage())
                + (deadline == null ? "" : ", deadline " + deadline) + "]";
    }

    /** A callback registered with {@link #onDone(Runnable)}; {@link #remove()} forgets it. */
    @FunctionalInterface
    public interface Registration {
        /** A registration that has nothing to remove. */
        Registration NONE = () -> { };

        /** Forgets the callback if it has not run yet. Safe to call more than once. */
        void remove();
    }

    // ---- mechanics ---------------------------------------------------------------------

    private Context childWithDeadline(Instant wall, long nanos) {
        if (deadline != null && deadlineNanos - nanos <= 0) {
            return child(deadline, deadlineNanos); // the parent's deadline comes first
        }
        return child(wall, nanos);
    }

    private Context child(Instant wall, long nanos) {
        Context child = new Context(this, wall, nanos);
        if (this != BACKGROUND) { // the background context is never done, so there is nothing to follow
            Registration link = onDone(() -> child.complete(cause));
            synchronized (child.lock) {
                if (child.callbacks != null) {
                    child.parentLink = link;
                } else {
                    link.remove();
                }
            }
        }
        if (wall != null && !child.isDone()) {
            long delay = nanos - System.nanoTime();
            ScheduledFuture<?> task = TIMER.schedule(child::isDone, Math.max(delay, 0), TimeUnit.NANOSECONDS);
            synchronized (child.lock) {
                if (child.callbacks != null) {
                    child.timer = task;
                } else {
                    task.cancel(false);
                }
            }
        }
        return child;
    }

    /** Makes this context done with {@code reason}, unless it already is. Plan: set, unlink, signal, call back. */
    private void complete(ContextException reason) {
        List<Runnable> toRun;
        ScheduledFuture<?> pending;
        Registration link;
        synchronized (lock) {
            if (cause != null) {
                return;
            }
            cause = reason;
            toRun = callbacks;
            callbacks = null;
            pending = timer;
            timer = null;
            link = parentLink;
            parentLink = null;
        }
        doneLatch.countDown();
        if (pending != null) {
            pending.cancel(false);
        }
        if (link != null) {
            link.remove();
        }
        RuntimeException failure = null;
        for (Runnable callback : toRun) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * {@code d} in nanoseconds, saturated ({@link Durations#nanos}) and then kept within a quarter
     * of the {@code long} range either way, so that deadlines (now plus this) can be compared
     * with each other by difference without wrapping round. A quarter is still 73 years.
     */
    private static long clampedNanos(Duration d) {
        return Math.clamp(Durations.nanos(d), -Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
    }

    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, TIMER_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
