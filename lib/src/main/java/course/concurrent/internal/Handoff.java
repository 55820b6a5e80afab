package course.concurrent.internal;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Blocking queue operations that give up the core a few times before they park.
 *
 * <p>A bounded queue between two threads is full or empty most of the time when the work on
 * either side is small: the producer waits for room, the consumer for an element. A plain
 * {@code put} or {@code take} then parks the thread, and the other side must wake it through
 * the operating system, which costs several microseconds per hand-off (far more than the work).
 * On a platform thread, these methods first try the non-blocking {@code offer} or {@code poll},
 * and between tries call {@link Thread#yield()} up to {@link #YIELDS} times: the other side
 * usually runs meanwhile and makes room or delivers, so the thread never parks. Only then do
 * they fall back to the blocking call. On two cores this cut the worker pool's cost per no-op
 * job by an order of magnitude (see chapter 6); a wait that is long anyway (a slow job) loses a
 * few microseconds of yields. A virtual thread skips the yields and blocks at once.
 * {@link #retryYielding} offers the same wait to any non-blocking try (a semaphore's, say).
 *
 * <p>Timeouts saturate: {@code Long.MAX_VALUE} of any unit waits as long as it takes, and a
 * negative one counts as zero.
 *
 * <p>Interruption behaves as in the blocking calls: an interrupt, before or during the wait,
 * throws {@link InterruptedException} and clears the flag.
 *
 * <pre>{@code
 * BlockingQueue<Job<A, R>> jobs = new ArrayBlockingQueue<>(workers);
 * Handoff.put(jobs, job);                 // generator side
 * Job<A, R> next = Handoff.take(jobs);    // worker side
 * }</pre>
 */
public final class Handoff {
    /**
     * How many times a waiting operation yields before it blocks. Enough to cover a hand-off
     * between busy threads on a small machine; a few tens of microseconds in all when nobody comes.
     */
    public static final int YIELDS = 100;

    /** A non-blocking try: true when it succeeded. */
    @FunctionalInterface
    public interface Attempt {
        /** Tries once, without waiting. */
        boolean tryOnce() throws InterruptedException;
    }

    private Handoff() {
    }

    /**
     * After a failed try, yields the core and tries again, up to {@link #YIELDS} times (none on
     * a virtual thread) and while {@link System#nanoTime()} is before {@code deadline}. Returns
     * whether a try succeeded; if not, the caller blocks in its own way.
     *
     * <p>A virtual thread skips the yields: one that yields hands its carrier to the scheduler
     * and back, and with every thread of a pool yielding the carriers churn. Measured here, the
     * virtual-thread pool was fastest when its threads parked at once (parking one only
     * unmounts it).
     *
     * @throws InterruptedException when the thread is interrupted between tries
     */
    public static boolean retryYielding(Attempt attempt, long deadline) throws InterruptedException {
        for (int i = 0, n = Thread.currentThread().isVirtual() ? 0 : YIELDS;
             i < n && deadline - System.nanoTime() > 0; i++) {
            Thread.yield();
            checkInterrupt();
            if (attempt.tryOnce()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #retryYielding(Attempt, long)} with no deadline but the yields' own. */
    public static boolean retryYielding(Attempt attempt) throws InterruptedException {
        return retryYielding(attempt, System.nanoTime() + Long.MAX_VALUE);
    }

    /**
     * Puts {@code item} on {@code queue}, waiting for room.
     *
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> void put(BlockingQueue<T> queue, T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        checkInterrupt();
        if (!queue.offer(item) && !retryYielding(() -> queue.offer(item))) {
            queue.put(item);
        }
    }

    /**
     * Takes the head of {@code queue}, waiting for one.
     *
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when {@code queue} is null
     */
    public static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        checkInterrupt();
        T item = queue.poll();
        if (item != null) {
            return item;
        }
        Holder<T> got = new Holder<>();
        return retryYielding(() -> (got.value = queue.poll()) != null) ? got.value : queue.take();
    }

    /**
     * Puts {@code item} on {@code queue} if room appears within the timeout. It yields only
     * while the timeout lasts, so a zero timeout tries and returns.
     *
     * @return whether it was put
     * @throws InterruptedException when the thread is interrupted before or while waiting
     * @throws NullPointerException when an argument is null
     */
    public static <T> boolean offer(BlockingQueue<T> queue, T item, long timeout, TimeUnit unit)
            throws InterruptedException {
        Objects.requireNonNull(item, "item");
        checkInterrupt();
        if (queue.offer(item)) {
            return true;   // the usual case reads no clock
        }
        long deadline = Durations.deadlineAfter(timeout, unit);
        return retryYielding(() -> queue.offer(item), deadline)
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
    public static <T> T poll(BlockingQueue<T> queue, long timeout, TimeUnit unit) throws InterruptedException {
        checkInterrupt();
        T item = queue.poll();
        if (item != null) {
            return item;   // the usual case reads no clock
        }
        long deadline = Durations.deadlineAfter(timeout, unit);
        Holder<T> got = new Holder<>();
        if (retryYielding(() -> (got.value = queue.poll()) != null, deadline)) {
            return got.value;
        }
        return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
