package course.pool;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of workers that run a batch of {@link Job}s and stream back one
 * {@link Result} per job: the Go original's worker pool, in Java.
 *
 * <p><b>The parts.</b>
 * <ul>
 *   <li>A <em>generator</em> thread feeds the batch into the <em>jobs queue</em> (a bounded
 *       {@code BlockingQueue} of capacity N, the twin of a buffered channel) and then marks its
 *       end. It blocks while the queue is full, that is, while the workers are busy.</li>
 *   <li>{@link #run(Context)} starts N <em>workers</em> (fan-out). Each takes jobs from the queue,
 *       runs them and puts their results on the single <em>results stream</em> (fan-in), also a
 *       bounded queue of capacity N. (N is the worker count, as in the original; the
 *       {@link #WorkerPool(int, ThreadKind, int) three-argument constructor} sets another
 *       buffer size for both queues.)</li>
 *   <li>When the last worker exits, the pool fires its {@link #done()} signal and then closes
 *       the results stream.</li>
 * </ul>
 *
 * <p><b>Waiting.</b> The queues are {@code ArrayBlockingQueue}s, but the pool's threads and its
 * readers do not simply block in their {@code put} and {@code take}: they wait as the pool's
 * {@link WaitPolicy} says, {@link WaitPolicy#SPIN_THEN_PARK} unless the
 * {@link #WorkerPool(int, ThreadKind, int, WaitPolicy) four-argument constructor} chooses
 * {@link WaitPolicy#PARK}, which blocks at once as the queues' own methods do.
 *
 * <p>The generator, the worker loop, the results stream, the timeline and the close live in
 * {@link AbstractPool}, which chapter 2's semaphore pool shares; this class adds only its
 * synchronisation: the wait group and the done signal.
 *
 * <p><b>Reading results.</b> Read until the stream is closed: iterate {@link #results()}, call
 * {@link #readAll()}, or loop on {@link #take()} until it returns empty. A reader that does so
 * sees every result exactly once. Do <em>not</em> stop reading when {@link #done()} fires: results
 * may still be buffered then (the Go original's race, shown by {@link RaceDemo}).
 *
 * <p><b>Cancellation and deadlines.</b> The workers share the run's {@link Context}. When it is
 * cancelled or its deadline passes, each worker finishes the job in hand (promptly, if the job
 * honours the context), puts one error result whose error is the context's cause and whose
 * descriptor has the type {@value AbstractPool#STOP_TYPE}, and exits. Jobs not yet started yield no result.
 * The generator stops feeding and the stream closes once every worker has exited.
 *
 * <p><b>Failures.</b> A job that throws yields an error result; the other jobs go on.
 *
 * <p><b>Threads and closing.</b> Workers are {@link ThreadKind#PLATFORM platform} (daemon) or
 * {@link ThreadKind#VIRTUAL virtual} threads, named {@code course-pool-<n>-worker-<i>}; the
 * generator is {@code course-pool-<n>-generator}. A pool runs one batch once. {@link #close()}
 * cancels whatever is still running, discards unread results and waits for every thread of the
 * pool to end, so a try-with-resources block leaves no thread behind. A job that ignores its
 * context is interrupted after {@link #CLOSE_NUDGE}; one that ignores interrupts too makes
 * {@code close()} give up after {@link #CLOSE_GRACE} with an exception that names its thread,
 * rather than hang.
 *
 * <pre>{@code
 * List<Job<Integer, Integer>> batch = Jobs.doubling(10);
 * try (var pool = new WorkerPool<Integer, Integer>(2)) {
 *     pool.generateFrom(batch);
 *     pool.run(Context.background());
 *     for (Result<Integer> r : pool.results()) {      // ends when the stream closes
 *         System.out.println(r);
 *     }
 * }
 * }</pre>
 *
 * @param <A> the jobs' argument type
 * @param <R> the jobs' result type
 */
public final class WorkerPool<A, R> extends AbstractPool<A, R> {
    /** Every thread a pool starts has a name that begins with this prefix. */
    public static final String THREAD_PREFIX = "course-pool-";
    /** The worker pools: their names and their threads still running. */
    private static final PoolFamily FAMILY = new PoolFamily(THREAD_PREFIX);

    // ---- the synchronisation: a wait group, then the "done" signal ----------------------

    /** The wait group: workers still running. The one that brings it to zero fires done and closes the stream. */
    private final AtomicInteger running = new AtomicInteger();
    /** Completed once, when the last worker has exited, just before the results stream closes. */
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** What {@link #done()} hands out: a copy, so that no reader can complete the real signal. */
    private final Future<Void> doneView = done.copy();

    /**
     * A pool of {@code workers} platform-thread workers.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     */
    public WorkerPool(int workers) {
        this(workers, ThreadKind.PLATFORM);
    }

    /**
     * A pool of {@code workers} workers of the given kind.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     * @throws NullPointerException     when {@code kind} is null
     */
    public WorkerPool(int workers, ThreadKind kind) {
        this(workers, kind, workers);
    }

    /**
     * A pool of {@code workers} workers of the given kind whose jobs queue and results stream
     * each hold {@code buffer} elements instead of one per worker. A larger buffer lets the
     * generator run ahead of busy workers, and workers put results without waiting for a reader:
     * fewer threads wait on each other (chapter 6 measures what that is worth).
     *
     * @throws IllegalArgumentException when {@code workers} or {@code buffer} is zero or negative
     * @throws NullPointerException     when {@code kind} is null
     */
    public WorkerPool(int workers, ThreadKind kind, int buffer) {
        this(workers, kind, buffer, WaitPolicy.DEFAULT);
    }

    /**
     * A pool like {@link #WorkerPool(int, ThreadKind, int)} whose threads and readers wait on its
     * queues as {@code waitPolicy} says: {@link WaitPolicy#PARK} blocks at once,
     * {@link WaitPolicy#SPIN_THEN_PARK} (the default) yields the core a few times first.
     *
     * @throws IllegalArgumentException when {@code workers} or {@code buffer} is zero or negative
     * @throws NullPointerException     when {@code kind} or {@code waitPolicy} is null
     */
    public WorkerPool(int workers, ThreadKind kind, int buffer, WaitPolicy waitPolicy) {
        super("a worker pool", workers, buffer, kind, waitPolicy, FAMILY);
    }

    /**
     * Runs {@code batch} on a fresh pool of {@code workers} workers and returns every result,
     * in the order they arrived. The pool is closed before this returns.
     *
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    public static <A, R> List<Result<R>> runBatch(int workers, ThreadKind kind, Context ctx,
                                                  Collection<? extends Job<A, R>> batch) throws InterruptedException {
        return runOnce(new WorkerPool<>(workers, kind), ctx, batch);
    }

    /** How many threads started by any pool are still running. Zero when every pool is closed. */
    public static int liveThreads() {
        return FAMILY.liveThreads();
    }

    /**
     * Starts the workers. They run until the batch is done or {@code ctx} is done (cancelled or
     * past its deadline), whichever comes first. Returns at once; read the results with
     * {@link #results()}. Without a batch ({@link #generateFrom}), the workers wait until the
     * run is cancelled or the pool is closed.
     *
     * <p>The synchronisation: the wait group is set to N before the workers start; each worker
     * counts it down as it exits, and the last one fires {@link #done()}, then closes the stream.
     *
     * @throws NullPointerException  when {@code ctx} is null
     * @throws IllegalStateException when the pool is closed or already running
     */
    @Override
    public void run(Context ctx) {
        start(ctx, context -> {
            running.set(workers());
            for (int i = 0; i < workers(); i++) {
                startWorker(i, context, this::workerExited);
            }
        });
    }

    /**
     * The Go original's "done" signal: completes when every worker has exited, just
     * <em>before</em> the results stream closes. Results may still be waiting to be read when it
     * fires; it is here to show why a reader must not stop on it. The returned future is a view:
     * completing or cancelling it does not affect the pool's own signal.
     */
    public Future<Void> done() {
        return doneView;
    }

    /** A worker's last act: count the wait group down; the last one out finishes the run. */
    private void workerExited() {
        if (running.decrementAndGet() == 0) {
            finish();
        }
    }

    /** Fires done, then closes the results stream: the order of the Go original. Later calls do nothing. */
    @Override
    protected void finish() {
        done.complete(null);
        closeResults();
    }
}
