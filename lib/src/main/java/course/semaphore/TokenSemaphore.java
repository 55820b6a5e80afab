package course.semaphore;

import course.concurrent.internal.Durations;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore made of nothing but a bounded queue of tokens: the Java twin of
 * Go's buffered-channel semaphore ({@code make(chan struct{}, n)}).
 *
 * <p>The queue has one place per slot. Taking a slot puts a token in; giving it back takes
 * a token out. A full queue means every slot is taken, so the next {@link #acquire()}
 * blocks, exactly as a send on a full channel blocks. The tokens are anonymous: the
 * semaphore knows how many slots are in use, not who holds them.
 *
 * <ul>
 *   <li>{@link #acquire()} puts a token in, waiting while every slot is taken. It can be
 *       interrupted; {@link #tryAcquire(Duration)} gives up after a timeout instead.</li>
 *   <li>{@link #release()} takes a token out. Releasing when no slot is in use is a bug in
 *       the caller and fails at once instead of corrupting the count.</li>
 *   <li>{@link #awaitAll()} takes every slot, one by one, so it returns only when every
 *       holder has released (the Go original's {@code Wait}). It then gives the slots back,
 *       leaving the semaphore empty and reusable. One caller at a time may wait: two
 *       waiters each holding half the slots would otherwise deadlock.</li>
 *   <li>{@link #close()} retires the semaphore. Afterwards every method except the
 *       accounting ones and {@code close} throws {@link IllegalStateException}; threads
 *       blocked in {@code acquire} or {@code awaitAll} wake up and throw it too.</li>
 * </ul>
 *
 * <p>Accounting: {@link #total()} slots, of which {@link #inUse()} (the queue's length) are
 * taken and {@link #free()} (capacity minus length) are free. The three are read without
 * a lock, so under concurrent use they are a snapshot, not a consistent triple.
 *
 * <pre>{@code
 * TokenSemaphore slots = new TokenSemaphore(2);
 * for (int i = 0; i < 5; i++) {
 *     slots.acquire();                       // blocks while 2 workers run
 *     Thread.ofVirtual().start(() -> {
 *         try { work(); } finally { slots.release(); }
 *     });
 * }
 * slots.awaitAll();                          // every worker has released its slot
 * slots.close();
 * }</pre>
 */
public final class TokenSemaphore implements AutoCloseable {
    /** The token. Like Go's {@code struct{}{}}, it carries no information; only the count matters. */
    private static final Object TOKEN = new Object();

    private final int capacity;
    /**
     * One token per slot in use. Its size is the whole state of the semaphore; it is
     * thread-safe on its own, so no other lock guards it.
     */
    private final ArrayBlockingQueue<Object> tokens;
    /**
     * Set once by {@link #close()}, never cleared. A thread that puts a token in and then
     * sees it set takes a token back out, so a closed semaphore drains to empty.
     */
    private volatile boolean closed;
    /** Lets only one thread at a time run {@link #awaitAll()}; guards nothing else. */
    private final ReentrantLock awaitLock = new ReentrantLock();

    /**
     * Creates a semaphore with {@code slots} slots, all free.
     *
     * @throws IllegalArgumentException when {@code slots} is not positive
     */
    public TokenSemaphore(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("a semaphore needs at least one slot, got " + slots);
        }
        this.capacity = slots;
        this.tokens = new ArrayBlockingQueue<>(slots);
    }

    /**
     * Takes a slot, waiting while every slot is in use.
     *
     * @throws InterruptedException  when interrupted while waiting; no slot is then taken
     * @throws IllegalStateException when the semaphore is closed, before or while waiting
     */
    public void acquire() throws InterruptedException {
        ensureOpen("acquire");
        tokens.put(TOKEN);
        undoIfClosed("acquire");
    }

    /**
     * Takes a slot if one is free now, without waiting.
     *
     * @return whether a slot was taken
     * @throws IllegalStateException when the semaphore is closed
     */
    public boolean tryAcquire() {
        ensureOpen("tryAcquire");
        boolean taken = tokens.offer(TOKEN);
        if (taken) {
            undoIfClosed("tryAcquire");
        }
        return taken;
    }

    /**
     * Takes a slot, waiting at most {@code timeout} for one to free up. A timeout beyond 292
     * years waits as long as it takes; a zero or negative one only tries.
     *
     * @return whether a slot was taken
     * @throws InterruptedException  when interrupted while waiting; no slot is then taken
     * @throws IllegalStateException when the semaphore is closed, before or while waiting
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        ensureOpen("tryAcquire");
        boolean taken = tokens.offer(TOKEN, Durations.nanos(timeout), TimeUnit.NANOSECONDS);
        if (taken) {
            undoIfClosed("tryAcquire");
        }
        return taken;
    }

    /**
     * Gives a slot back.
     *
     * @throws IllegalStateException when no slot is in use (a release without a matching
     *                               acquire), or when the semaphore is closed
     */
    public void release() {
        ensureOpen("release");
        if (tokens.poll() == null) {
            throw new IllegalStateException("release without a matching acquire: no slot of "
                    + capacity + " is in use");
        }
    }

    /**
     * Waits until every holder has released its slot, by taking all {@link #total()} slots
     * itself, then gives them back. When it returns, there was a moment at which nobody
     * else held a slot, so every slot held when it was called has been released.
     *
     * <p>Slots taken by others while it waits are waited for too: it returns only once it
     * has held every slot at the same time.
     *
     * @throws InterruptedException  when interrupted while waiting; the slots it had taken
     *                               are given back
     * @throws IllegalStateException when the semaphore is closed, before or while waiting
     */
    public void awaitAll() throws InterruptedException {
        takeEverySlot(null);
    }

    /**
     * Like {@link #awaitAll()}, but gives up after {@code timeout} (beyond 292 years, never).
     *
     * @return {@code true} when every holder released in time, {@code false} on timeout
     *         (the slots it had taken are then given back)
     * @throws InterruptedException  when interrupted while waiting
     * @throws IllegalStateException when the semaphore is closed, before or while waiting
     */
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return takeEverySlot(timeout);
    }

    /** Takes every slot, then gives them back; {@code timeout} null means no limit. */
    private boolean takeEverySlot(Duration timeout) throws InterruptedException {
        ensureOpen("awaitAll");
        long deadline = timeout == null ? 0 : Durations.deadlineAfter(timeout);
        if (timeout == null) {
            awaitLock.lockInterruptibly();
        } else if (!awaitLock.tryLock(Durations.nanos(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        int held = 0;
        try {
            while (held < capacity) {
                if (timeout == null) {
                    tokens.put(TOKEN);
                } else if (!tokens.offer(TOKEN, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
                held++;
                if (closed) {
                    throw new IllegalStateException("semaphore closed while awaitAll was waiting");
                }
            }
            return true;
        } finally {
            // Give back whatever we took: on success all slots, on failure the ones we got.
            // (On close the queue was cleared; polling an empty queue is harmless.)
            for (int i = 0; i < held; i++) {
                tokens.poll();
            }
            awaitLock.unlock();
        }
    }

    /**
     * Closes the semaphore. Idempotent. Threads waiting in {@code acquire} or
     * {@code awaitAll} wake up and throw {@link IllegalStateException}; later calls to
     * anything but the accounting methods throw it too.
     */
    @Override
    public void close() {
        closed = true;
        // Making room wakes one blocked putter; it sees `closed`, takes its token back out,
        // and so makes room for the next one: every waiter wakes in turn.
        tokens.clear();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** The number of slots, fixed at construction. */
    public int total() {
        return capacity;
    }

    /** Slots in use right now: the number of tokens in the queue. */
    public int inUse() {
        return tokens.size();
    }

    /** Free slots right now: capacity minus the number of tokens in the queue. */
    public int free() {
        return tokens.remainingCapacity();
    }

    /** The accounting in one line, for printing. */
    @Override
    public String toString() {
        int used = inUse();
        return "TokenSemaphore[" + capacity + " slots: " + used + " in use, " + (capacity - used) + " free"
                + (closed ? ", closed" : "") + "]";
    }

    private void ensureOpen(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + " on a closed semaphore");
        }
    }

    /** Called after a token went in: if the semaphore closed meanwhile, take it back out and fail. */
    private void undoIfClosed(String operation) {
        if (closed) {
            tokens.poll();
            throw new IllegalStateException("semaphore closed while " + operation + " was waiting");
        }
    }
}
