package course.pipeline;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between a stage and the next: Java's stand-in for a Go channel.
 *
 * <p>Elements are items or {@link Chunk}s of items (when the sender batches). Closing the
 * channel marks the end of the stream: once the elements sent before it are taken, every
 * receiver gets {@link #END}. Stopping the channel (the run was cancelled or failed) wakes
 * every thread waiting in it at once, through the channel's own conditions, and from then on
 * every call throws {@link InterruptedException}: no thread stays blocked on a full or empty
 * channel after a stop, even one whose interrupt was swallowed by user code.
 *
 * <p>Each wait waits as the run's {@link WaitPolicy} says ({@link Handoff#retry}): under
 * {@link WaitPolicy#SPIN_THEN_PARK} a platform thread first tries again a few times, yielding
 * the core between tries, and parks only then; under {@link WaitPolicy#PARK} it parks at once.
 *
 * <pre>{@code
 * Channel channel = new Channel(16, WaitPolicy.DEFAULT);
 * channel.send("item");          // producer; waits while full
 * channel.close();               // producer: no more items
 * Object next = channel.receive();   // consumer: "item", then Channel.END
 * }</pre>
 */
final class Channel {
    /** What {@link #receive()} returns once the channel is closed and empty. */
    static final Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };

    /** Several items moved by one hand-off. Never empty. */
    record Chunk(List<Object> items) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    // Signalled when an element arrives, when the channel closes and when it stops.
    private final Condition notEmpty = lock.newCondition();
    // Signalled when an element leaves and when the channel stops.
    private final Condition notFull = lock.newCondition();
    // The elements sent and not yet taken, oldest first; guarded by lock. Never more than
    // capacity of them, unless capacity is UNBOUNDED.
    private final ArrayDeque<Object> elements = new ArrayDeque<>();
    // Positive, or Pipeline.UNBOUNDED.
    private final int capacity;
    // How senders and receivers wait.
    private final WaitPolicy waitPolicy;
    // Set once by close(); nothing is sent after it. Guarded by lock.
    private boolean closed;
    // Set once by stop(); never cleared. Guarded by lock.
    private boolean stopped;

    /**
     * A channel with room for {@code capacity} elements, or without a bound when capacity is
     * {@link Pipeline#UNBOUNDED}, whose senders and receivers wait as {@code waitPolicy} says.
     */
    Channel(int capacity, WaitPolicy waitPolicy) {
        this.capacity = capacity;
        this.waitPolicy = waitPolicy;
    }

    /**
     * Sends one element, waiting while the channel is full.
     *
     * @throws InterruptedException when interrupted, or when the channel is stopped before or
     *         while waiting
     */
    void send(Object element) throws InterruptedException {
        checkInterrupt();
        if (trySend(element) || Handoff.retry(waitPolicy, () -> trySend(element))) {
            return;
        }
        lock.lockInterruptibly();
        try {
            while (!stopped && full()) {
                notFull.await();
            }
            add(element);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next element, waiting while the channel is empty. Returns {@link #END} once
     * the channel is closed and every element sent before has been taken, to every receiver.
     *
     * @throws InterruptedException when interrupted, or when the channel is stopped before or
     *         while waiting
     */
    Object receive() throws InterruptedException {
        checkInterrupt();
        Object element = tryReceive();
        if (element != null) {
            return element;
        }
        Object[] got = new Object[1];   // what a successful retry took
        if (Handoff.retry(waitPolicy, () -> (got[0] = tryReceive()) != null)) {
            return got[0];
        }
        lock.lockInterruptibly();
        try {
            while (!stopped && !closed && elements.isEmpty()) {
                notEmpty.await();
            }
            return takeOrEnd();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the channel: receivers get {@link #END} after everything already sent. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the channel: wakes every waiting sender and receiver, and fails every later call. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The number of elements waiting. */
    int depth() {
        lock.lock();
        try {
            return elements.size();
        } finally {
            lock.unlock();
        }
    }

    /** Sends without waiting; false when full. */
    private boolean trySend(Object element) throws InterruptedException {
        lock.lock();
        try {
            if (!stopped && full()) {
                return false;
            }
            add(element);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes without waiting; null when empty and not closed. */
    private Object tryReceive() throws InterruptedException {
        lock.lock();
        try {
            return !stopped && !closed && elements.isEmpty() ? null : takeOrEnd();
        } finally {
            lock.unlock();
        }
    }

    // The rest run under lock.

    private boolean full() {
        return capacity != Pipeline.UNBOUNDED && elements.size() >= capacity;
    }

    /** Adds {@code element}, unless stopped; the caller saw room. */
    private void add(Object element) throws InterruptedException {
        checkNotStopped();
        if (closed) {
            throw new IllegalStateException("a closed channel takes no more elements");
        }
        elements.addLast(element);
        notEmpty.signal();
    }

    /** Takes the head, or END when closed and empty, unless stopped; the caller saw one of them. */
    private Object takeOrEnd() throws InterruptedException {
        checkNotStopped();
        if (elements.isEmpty()) {
            return END;
        }
        Object head = elements.removeFirst();
        notFull.signal();
        return head;
    }

    private void checkNotStopped() throws InterruptedException {
        if (stopped) {
            throw new InterruptedException("pipeline stopped");
        }
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
