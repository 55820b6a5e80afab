package course.pool;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;
import course.concurrent.internal.Uninterruptibly;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pool's results stream (the fan-in): a bounded queue that the workers put results on and
 * readers take them from, closed by an end marker that every reader passes on to the next.
 * {@link AbstractPool} reads from it for its readers and drains it when it closes.
 *
 * @param <R> the jobs' result type
 */
final class ResultStream<R> {
    /** Marks the end of the stream; a reader that takes it puts it back for the others. */
    private static final Result<Object> END = Result.ok(new JobDescriptor("end-of-results", "sentinel"), null);

    /** The pool's name, for messages. */
    private final String owner;
    /** How the workers and the readers wait on {@link #queue}. */
    private final WaitPolicy waitPolicy;
    /** Producers: workers, then {@link #close()} (the end marker, last). Consumers: readers. */
    private final BlockingQueue<Result<R>> queue;
    /** Set once, by whoever puts {@link #END}. */
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Set once a reader has taken {@link #END}: nothing follows it. */
    private volatile boolean ended;

    ResultStream(String owner, int capacity, WaitPolicy waitPolicy) {
        this.owner = owner;
        this.waitPolicy = waitPolicy;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Puts {@code result}, waiting for room through interrupts; an interrupt is restored on return. */
    void put(Result<R> result) {
        Uninterruptibly.run(() -> Handoff.put(waitPolicy, queue, result));
    }

    /** Puts the end marker, once; later calls do nothing. */
    void close() {
        if (closing.compareAndSet(false, true)) {
            put(end());
        }
    }

    /** Whether a reader has taken the end marker. */
    boolean ended() {
        return ended;
    }

    /**
     * How many results wait in the stream now, not counting the end marker: counted in one
     * snapshot of the queue, as {@link JobQueue} counts its jobs, so it never exceeds the
     * capacity. A reading for a sampler.
     */
    int waiting() {
        int waiting = 0;
        for (Object r : queue.toArray()) {
            if (r != END) {
                waiting++;
            }
        }
        return waiting;
    }

    /** The next result, waiting for one; empty at the end. */
    Optional<Result<R>> take() throws InterruptedException {
        return received(Handoff.take(waitPolicy, queue));
    }

    /** The next result if one arrives within {@code nanos}; empty if none does, or at the end. */
    Optional<Result<R>> poll(long nanos) throws InterruptedException {
        return received(Handoff.poll(waitPolicy, queue, nanos, TimeUnit.NANOSECONDS));
    }

    /** Every remaining result, until the end. */
    List<Result<R>> readAll() throws InterruptedException {
        List<Result<R>> all = new ArrayList<>();
        for (Optional<Result<R>> r = take(); r.isPresent(); r = take()) {
            all.add(r.get());
        }
        return all;
    }

    /** Discards what is in the stream now, without waiting; the end marker, if there, is seen. */
    void discardReady() {
        while (!ended && Uninterruptibly.call(() -> poll(0)).isPresent()) {
            // discard
        }
    }

    /** A fresh reader of the stream; see {@link AbstractPool#results()}. */
    Iterator<Result<R>> iterator() {
        return new Reader();
    }

    private Optional<Result<R>> received(Result<R> r) {
        if (r == null) {
            return Optional.empty();
        }
        if (r == END) {
            queue.offer(r); // let any other reader see the end too; the queue is empty behind the marker
            ended = true;
            return Optional.empty();
        }
        return Optional.of(r);
    }

    @SuppressWarnings("unchecked")
    private Result<R> end() {
        return (Result<R>) (Result<?>) END;
    }

    /** Reads the stream until its end. */
    private final class Reader implements Iterator<Result<R>> {
        private Result<R> next;
        private boolean done;

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                Optional<Result<R>> r = take();
                next = r.orElse(null);
                done = r.isEmpty();
                return r.isPresent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next result of " + owner, e);
            }
        }

        @Override
        public Result<R> next() {
            if (!hasNext()) {
                throw new NoSuchElementException(owner + " has no more results: its stream is closed");
            }
            Result<R> r = next;
            next = null;
            return r;
        }
    }
}
