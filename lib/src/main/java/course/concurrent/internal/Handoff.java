package course.concurrent.internal;

import course.concurrent.WaitPolicy;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Blocking queue operations that wait as a {@link WaitPolicy} says: the one place where the
 * course's pools, pipeline channels and bounded executor wait for one another.
 *
 * <p>A bounded queue between two threads is full or empty most of the time when the work on
 * either side is small: the producer waits for room, the consumer for an element. A plain
 * {@code put} or {@code take} then parks the thread, and the other side must wake it through
 * the operating system, which costs far more than the hand-off itself (often more than the work).
 * These methods first try the non-blocking {@code offer} or {@code poll}. Under
 * {@link WaitPolicy#PARK} they then fall back to the blocking call at once, as the queue's own
 * methods do. Under {@link WaitPolicy#SPIN_THEN_PARK}, on a platform thread, they first try
 * again between calls to {@link Thread#yield()}, up to {@link WaitPolicy#yields()} times: the
 * other side usually runs meanwhile and makes room or delivers, so the thread never parks; a
 * wait that is long anyway (a slow job) loses the yields' CPU time. A virtual thread
 * skips the yields and blocks at once. {@link #retry} offers the same wait to any non-blocking
 * try (a semaphore's, say).
 *
 * <p>Timeouts saturate: {@code Long.MAX_VALUE} of any unit waits as long as it takes, and a
 * negative one counts as zero.
 *
 * <p>Interruption behaves as in the blocking calls: an interrupt, before or during the wait,
 * throws {@link InterruptedException} and clears the flag.
 *
 * <pre>{@code
 * BlockingQueue<Job<A, R>> jobs = new ArrayBlockingQueue<>(workers);
 * Handoff.put(WaitPolicy.DEFAULT, jobs, job);                 // generator side
 * Job<A, R> next = Handoff.take(WaitPolicy.DEFAULT, jobs);    // worker side
 * }</pre>
 */
public final class Handoff {
    /** A non-blocking try: true when it succeeded. */
    @FunctionalInterface
    public interface Attempt {
        /** Tries once, without waiting. */
        boolean tryOnce() throws InterruptedException;
    }

    private Handoff() {
    }

    /**
     * After a failed try, tries again as {@code policy} says: under
     * {@link WaitPolicy#SPIN_THEN_PARK}, yields the core and tries again, up to
     * {@link WaitPolicy#yields()} times (none on a virtual thread) and while
     * {@link System#nanoTime()} is before {@code deadline}; under {@link WaitPolicy#PARK}, not at
     * all. Returns whether a try succeeded; if not, the caller blocks in its own way.
     *
     * @throws InterruptedException when the thread is interrupted between tries
     * @throws NullPointerException when an argument is null
     */
    public static boolean retry(WaitPolicy policy, Attempt attempt, long deadline) throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(attempt, "attempt");
        for (int i = 0, n = yieldsHere(policy); i < n && deadline - System.nanoTime() > 0; i++) {
            Thread.yield();
            checkInterrupt();
            if (attempt.tryOnce()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #retry(WaitPolicy, Attempt, long)} with no deadline but the yields' own. */
    public static boolean retry(WaitPolicy policy, Attempt attempt) throws InterruptedException {
        return retry(policy, attempt, System.nanoTime() + Long.MAX_VALUE);
    }

    /**
     * Puts {@code item} on {@code queue}, waiting for room as {@code policy} says.
     *
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> void put(WaitPolicy policy, BlockingQueue<T> queue, T item) throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(item, "item");
        checkInterrupt();
        if (!queue.offer(item) && !retry(policy, () -> queue.offer(item))) {
            queue.put(item);
        }
    }

    /**
     * Takes the head of {@code queue}, waiting for one as {@code policy} says.
     *
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> T take(WaitPolicy policy, BlockingQueue<T> queue) throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        checkInterrupt();
        T item = queue.poll();
        if (item != null) {
            return item;
        }
        Holder<T> got = new Holder<>();
        return retry(policy, () -> (got.value = queue.poll()) != null) ? got.value : queue.take();
    }

    /**
     * Puts {@code item} on {@code queue} if room appears within the timeout. It yields only
     * while the timeout lasts, so a zero timeout tries and returns.
     *
     * @return whether it was put
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> boolean offer(WaitPolicy policy, BlockingQueue<T> queue, T item, long timeout, TimeUnit unit)
            throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(item, "item");
        checkInterrupt();
        if (queue.offer(item)) {
            return true;   // the usual case reads no clock
        }
        long deadline = Durations.deadlineAfter(timeout, unit);
        return retry(policy, () -> queue.offer(item), deadline)
                || queue.offer(item, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Takes the head of {@code queue} if one arrives within the timeout. It yields only while
     * the timeout lasts, so a zero timeout tries and returns.
     *
     * @return the head, or {@code null} if none arrived in time
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> T poll(WaitPolicy policy, BlockingQueue<T> queue, long timeout, TimeUnit unit)
            throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        checkInterrupt();
        T item = queue.poll();
        if (item != null) {
            return item;   // the usual case reads no clock
        }
        long deadline = Durations.deadlineAfter(timeout, unit);
        Holder<T> got = new Holder<>();
        if (retry(policy, () -> (got.value = queue.poll()) != null, deadline)) {
            return got.value;
        }
        return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** How many tries {@code policy} allows on this thread: none on a virtual thread. */
    private static int yieldsHere(WaitPolicy policy) {
        return Thread.currentThread().isVirtual() ? 0 : policy.yields();
    }

    /** What a successful retry took, handed out of the attempt. */
    private static final class Holder<T> {
        T value;
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
