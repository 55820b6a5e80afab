package course.pipeline;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The queue between a stage and the next: Java's stand-in for a Go channel.
 *
 * <p>Elements are items, {@link Chunk}s of items (when the sender batches), or the markers
 * {@link #END} (the sender closed the channel) and {@link #WAKE} (a nudge to the caller's
 * thread after a stop). Every blocking call waits in short timed slices and checks the run's
 * stop flag between them, so no thread can block forever on a full or empty queue even if an
 * interrupt is swallowed by user code. Each wait waits as the run's {@link WaitPolicy} says
 * ({@link Handoff}): by default it yields the core a few times before it parks, which makes an
 * unbatched hand-off several times cheaper.
 */
final class Channel {
    /** The end-of-stream marker. Once sent, nothing else is ever sent on this channel. */
    static final Object END = new Marker("END");
    /** Wakes the consumer of the result channel so that it notices a stop at once. */
    static final Object WAKE = new Marker("WAKE");

    /** How long one timed wait lasts before the stop flag is checked again. */
    private static final long SLICE_MILLIS = 20;

    /** Several items moved by one hand-off. Never empty. */
    record Chunk(List<Object> items) {
    }

    private record Marker(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final BlockingQueue<Object> queue;
    // How senders and receivers wait on the queue.
    private final WaitPolicy waitPolicy;
    // Reports whether the run has stopped (cancelled or failed); read between timed waits.
    private final BooleanSupplier stopped;
    // Set once the end marker has been sent; after that the queue holds the marker (save for
    // the instant a receiver passes it on), which depth() must not count.
    private volatile boolean closed;

    /**
     * A channel with room for {@code capacity} elements, or without a bound when capacity is -1,
     * whose senders and receivers wait as {@code waitPolicy} says.
     */
    Channel(int capacity, WaitPolicy waitPolicy, BooleanSupplier stopped) {
        this.queue = capacity == Pipeline.UNBOUNDED ? new LinkedBlockingQueue<>() : new ArrayBlockingQueue<>(capacity);
        this.waitPolicy = waitPolicy;
        this.stopped = stopped;
    }

    /**
     * Sends one element, waiting while the channel is full.
     *
     * @throws InterruptedException when interrupted or when the run stops while waiting
     */
    void send(Object element) throws InterruptedException {
        while (!Handoff.offer(waitPolicy, queue, element, SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stopped.getAsBoolean()) {
                throw new InterruptedException("pipeline stopped");
            }
        }
    }

    /**
     * Takes the next element, waiting while the channel is empty. Returns {@link #END} once
     * the sender has closed the channel and every element before the end has been taken; the
     * end marker stays in place so that every receiver sees it. Never returns {@link #WAKE}.
     *
     * @throws InterruptedException when interrupted or when the run stops while waiting
     */
    Object receive() throws InterruptedException {
        while (true) {
            if (stopped.getAsBoolean()) {
                throw new InterruptedException("pipeline stopped");
            }
            Object element = Handoff.poll(waitPolicy, queue, SLICE_MILLIS, TimeUnit.MILLISECONDS);
            if (element == END) {
                // Put the marker back for the other receivers: nothing else is sent after END,
                // and we just made room, so this never waits for long.
                send(END);
                return END;
            }
            if (element != null && element != WAKE) {
                return element;
            }
        }
    }

    /** Closes the channel: sends the end marker after everything already sent. */
    void close() throws InterruptedException {
        send(END);
        closed = true;
    }

    /** Tries to slip a wake-up nudge in without waiting; harmless if the queue is full. */
    void wake() {
        queue.offer(WAKE);
    }

    /** The number of elements waiting, not counting the end marker. */
    int depth() {
        int size = queue.size();
        return closed ? Math.max(0, size - 1) : size;
    }
}
