package course.prove;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end of a {@link course.pool.WorkerPool} run, cut down to what the lost-results race
 * needs, so that JCStress can build millions of them: the results stream (a bounded queue closed
 * by an end marker), the wait group (a counter of running workers) and the "done" signal.
 *
 * <p>The protocol is the pool's own ({@code WorkerPool.workerExited} and {@code finish}): each
 * worker puts its last result, then counts the wait group down; the worker that brings it to
 * zero fires done, <em>then</em> closes the stream. The pool itself starts threads, so one pool
 * per JCStress sample would measure thread start-up; here the workers are JCStress's actor
 * threads and each sample is one end of run.
 *
 * <pre>{@code
 * PoolEnd end = new PoolEnd(2);
 * // worker threads:  end.workerFinishes(1);   end.workerFinishes(2);
 * // client thread:   int seen = end.readUntilClosed();   // always 2
 * }</pre>
 */
public final class PoolEnd {
    /** Closes the stream; never a result. */
    private static final Object END = new Object();

    /** Results, then END (last). Room for every worker's result and the marker: no put waits. */
    private final ArrayBlockingQueue<Object> results;
    /** The wait group: workers that have not finished. The one that brings it to zero finishes the run. */
    private final AtomicInteger running;
    /** Completed once, by the last worker, just before END goes in. */
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /**
     * The end of a run of {@code workers} workers, none finished yet.
     *
     * @throws IllegalArgumentException when {@code workers} is not positive
     */
    public PoolEnd(int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be positive, got " + workers);
        }
        this.results = new ArrayBlockingQueue<>(workers + 1);
        this.running = new AtomicInteger(workers);
    }

    /** A worker's last acts: put its result, count down; the last one fires done, then closes the stream. */
    public void workerFinishes(Object result) {
        results.add(result);
        if (running.decrementAndGet() == 0) {
            done.complete(null);
            results.add(END);
        }
    }

    /**
     * WRONG (chapter 1's {@code RaceDemo.readUntilDone}): reads while done has not fired, then
     * stops, and so can leave results in the stream. It polls without waiting where the pool's
     * client waits a millisecond: the gap between "nothing yet" and "done?" is the same.
     *
     * @return how many results it saw
     */
    public int readUntilDone() {
        int seen = 0;
        while (!done.isDone()) {
            Object r = results.poll();
            if (r != null && r != END) {
                seen++;
            }
        }
        return seen; // BUG: a result put just before done fired is still in the stream
    }

    /**
     * RIGHT (chapter 1's {@code RaceDemo.readUntilClosed}): reads until the end marker, which
     * goes in only after every result.
     *
     * @return how many results it saw
     * @throws InterruptedException when interrupted while waiting
     */
    public int readUntilClosed() throws InterruptedException {
        int seen = 0;
        for (Object r = results.take(); r != END; r = results.take()) {
            seen++;
        }
        return seen;
    }
}
