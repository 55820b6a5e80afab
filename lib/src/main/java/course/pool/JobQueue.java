package course.pool;

import course.concurrent.Context;
import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;
import course.concurrent.internal.Uninterruptibly;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * A pool's jobs queue and the two loops around it: the generator's, which feeds the batch in,
 * and the workers', which take jobs out, run them and put their results on the
 * {@link ResultStream}. {@link AbstractPool} starts the threads that run these loops.
 *
 * @param <A> the jobs' argument type
 * @param <R> the jobs' result type
 */
final class JobQueue<A, R> {
    /** Marks the end of the batch; a worker that takes it puts it back for the others. */
    private static final Job<Object, Object> END_OF_JOBS = Job.of("end-of-jobs", "sentinel", null, (c, a) -> null);
    /**
     * Offered once the run's context is done, to wake workers blocked on an empty queue; every
     * worker that stops passes one on (see {@link #work}).
     */
    private static final Job<Object, Object> WAKE_UP = Job.of("wake-up", "sentinel", null, (c, a) -> null);

    private final int workers;
    /** How the generator and the workers wait on {@link #queue}. */
    private final WaitPolicy waitPolicy;
    /**
     * Producers: the generator (then {@link #END_OF_JOBS}), {@link #wake()}, and workers passing
     * an end marker or a wake-up on. Consumers: workers. Invariant once the run's context is done:
     * the queue is not empty, or a worker that took its last element is on its way out and will
     * put a wake-up back.
     */
    private final BlockingQueue<Job<A, R>> queue;

    JobQueue(int workers, int capacity, WaitPolicy waitPolicy) {
        this.workers = workers;
        this.waitPolicy = waitPolicy;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * The generator's loop: feed every job, blocking while the queue is full, then the end
     * marker; stop quietly when interrupted or once {@code stopping} says so.
     */
    void feed(List<Job<A, R>> batch, BooleanSupplier stopping) {
        try {
            for (Job<A, R> job : batch) {
                if (stopping.getAsBoolean()) {
                    return;
                }
                Handoff.put(waitPolicy, queue, job);
            }
            Handoff.put(waitPolicy, queue, endOfJobs());
        } catch (InterruptedException e) {
            // the run was cancelled or the pool closed: nobody will take more jobs
        }
    }

    /**
     * A worker's loop, until the batch ends or {@code ctx} is done. Plan:
     * 1. If the context is done, pass a wake-up on to the next waiting worker, report the
     *    context's cause once (as an error result described by {@code self}) and return.
     * 2. Take a job; a wake-up goes back to step 1; the end marker is put back and ends the loop.
     * 3. If the context became done while waiting, drop the job and go back to step 1.
     * 4. Run the job, record its span, put its result (blocking while the stream is full).
     *
     * <p>Why step 1 passes a wake-up on (issue 12, defect 1). When the run stops, workers may be
     * parked on the empty jobs queue, and only an element in the queue wakes them: they ignore
     * interrupts there, since only the context may stop a worker. {@link #wake()} cannot put one
     * wake-up per worker: the queue holds only its capacity, its offers fail once it is full, and
     * the canceller's thread must not block. So with a buffer smaller than the worker count (say
     * 1 for 4 workers) it used to wake about as many workers as the buffer holds, none at all
     * when the end marker already filled the queue; the others waited for ever, the stream never
     * closed and close() gave up. Now every stopping worker passes one wake-up on, as the end
     * marker is passed on: a relay in which each element taken after the stop is given back
     * before its taker leaves, so a parked worker always finds one, whatever the buffer. The
     * offer cannot be lost: if it fails, the queue is full, so not empty, and the next taker
     * passes one on in turn. (A worker that ends on the end marker passes that on instead.)
     */
    void work(int index, JobDescriptor self, Context ctx, Timeline timeline, ResultStream<R> results) {
        while (true) {
            if (ctx.isDone()) {
                queue.offer(wakeUp()); // the relay: wake the next worker waiting for a job, if any
                results.put(Result.failed(self, ctx.cause()));
                return;
            }
            Job<A, R> job = take();
            if (job == WAKE_UP || ctx.isDone()) {
                continue;
            }
            if (job == END_OF_JOBS) {
                // Pass the end on. Room is certain while the run goes on (the end marker comes
                // last); after a stop, a failed offer means a wake-up already fills the queue.
                queue.offer(job);
                return;
            }
            long start = System.nanoTime();
            Result<R> result = job.execute(ctx);
            timeline.record(index, job.descriptor(), start, System.nanoTime(), result.isOk());
            Thread.interrupted(); // a job's interrupt must not leak into the worker's own waits
            results.put(result);
        }
    }

    /**
     * Called when the run's context is done: wakes workers waiting for jobs. It offers a wake-up
     * per worker but stops at a full queue (it runs in the canceller's thread and must not
     * block), so it may wake only as many as the queue holds; every worker it wakes wakes the
     * next one as it stops (see {@link #work}), and so every waiting worker wakes.
     */
    void wake() {
        for (int i = 0; i < workers; i++) {
            if (!queue.offer(wakeUp())) {
                break; // full, hence not empty: the workers' relay wakes the rest
            }
        }
    }

    /**
     * How many jobs wait in the queue now, not counting the end marker or wake-ups: counted in
     * one snapshot of the queue ({@code toArray} copies it under the queue's lock), so it never
     * exceeds the capacity. (Counting through the queue's iterator would not do: the iterator is
     * weakly consistent, and while takes and puts go on it can meet more elements than the queue
     * ever held at once.) A reading for a sampler, not for a decision.
     */
    int waiting() {
        int jobs = 0;
        for (Object job : queue.toArray()) {
            if (job != END_OF_JOBS && job != WAKE_UP) {
                jobs++;
            }
        }
        return jobs;
    }

    /**
     * Takes the next job, waiting through interrupts: only the pool may stop a worker, through the
     * context. An interrupt that came while it waited is cleared, not passed to the job.
     */
    private Job<A, R> take() {
        Job<A, R> job = Uninterruptibly.call(() -> Handoff.take(waitPolicy, queue));
        Thread.interrupted();
        return job;
    }

    @SuppressWarnings("unchecked")
    private Job<A, R> endOfJobs() {
        return (Job<A, R>) (Job<?, ?>) END_OF_JOBS;
    }

    @SuppressWarnings("unchecked")
    private Job<A, R> wakeUp() {
        return (Job<A, R>) (Job<?, ?>) WAKE_UP;
    }
}
