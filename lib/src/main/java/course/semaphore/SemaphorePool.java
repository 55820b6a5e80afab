package course.semaphore;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.concurrent.internal.Uninterruptibly;
import course.pool.AbstractPool;
import course.pool.Job;
import course.pool.PoolFamily;
import course.pool.Result;
import course.pool.WorkerPool;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Chapter 1's worker pool with its wait group replaced by a {@link TokenSemaphore}: the Go
 * original's semaphore variant. It runs the same {@link Job}s, yields the same
 * {@link Result}s and honours the same {@link Context}; only the way it learns that every
 * worker has finished differs.
 * The generator, the worker loop and the results stream are chapter 1's own code, shared
 * through {@link AbstractPool}; this class adds only its synchronisation: the semaphore and
 * the coordinator.
 *
 * <p><b>How a run goes.</b>
 * <ol>
 *   <li>A <em>generator</em> thread feeds the batch into the jobs queue (capacity N), blocking
 *       while it is full, then marks its end, exactly as in {@link WorkerPool}.</li>
 *   <li>{@link #run(Context)} starts a <em>coordinator</em> thread (the Go original's
 *       {@code go pool.Run(ctx)}). For each of the N workers it takes a slot of the
 *       semaphore, then starts the worker; each worker gives its slot back as the last thing
 *       it does.</li>
 *   <li>The coordinator then calls {@link TokenSemaphore#awaitAll()}, which returns only once
 *       every worker has given its slot back, so every result is already in the results
 *       stream. It closes the stream, then the semaphore.</li>
 * </ol>
 *
 * <p><b>No done signal.</b> Unlike {@link WorkerPool#done()}, there is no signal to stop
 * reading on, and so no race: a reader reads until the stream is closed, with
 * {@link #results()}, {@link #readAll()} or {@link #take()}, and sees every result once.
 *
 * <p><b>Cancellation and deadlines</b> work as in chapter 1: when the run's context is done,
 * each worker finishes the job in hand, puts one error result carrying the context's cause
 * (descriptor type {@link #STOP_TYPE}) and exits. A job that throws yields an error
 * result; the other jobs go on.
 *
 * <p><b>Threads.</b> Workers are platform (daemon) or virtual threads, named
 * {@code course-sempool-<n>-worker-<i>}; the generator and coordinator are
 * {@code course-sempool-<n>-generator} and {@code -coordinator}. A pool runs one batch once.
 * {@link #close()} cancels whatever still runs, discards unread results and waits for every
 * thread of the pool to end, interrupting workers whose jobs ignore the context and giving up
 * with an exception after {@link #CLOSE_GRACE} (see {@link AbstractPool#close(Duration)}).
 *
 * <pre>{@code
 * try (var pool = new SemaphorePool<Integer, Integer>(2)) {
 *     pool.generateFrom(Jobs.doubling(10));
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
public final class SemaphorePool<A, R> extends AbstractPool<A, R> {
    /** Every thread a semaphore pool starts has a name that begins with this prefix. */
    public static final String THREAD_PREFIX = "course-sempool-";

    /** The semaphore pools: their names and their threads still running. */
    private static final PoolFamily FAMILY = new PoolFamily(THREAD_PREFIX);

    // ---- the synchronisation: a semaphore instead of a wait group ------------------------

    /** One slot per worker: taken by the coordinator before a worker starts, given back by the worker as it exits. */
    private final TokenSemaphore slots;

    /**
     * A pool of {@code workers} platform-thread workers.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     */
    public SemaphorePool(int workers) {
        this(workers, ThreadKind.PLATFORM);
    }

    /**
     * A pool of {@code workers} workers of the given kind.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     * @throws NullPointerException     when {@code kind} is null
     */
    public SemaphorePool(int workers, ThreadKind kind) {
        this(workers, kind, WaitPolicy.DEFAULT);
    }

    /**
     * A pool of {@code workers} workers of the given kind whose threads and readers wait on its
     * queues as {@code waitPolicy} says, as chapter 1's pool does: {@link WaitPolicy#PARK} blocks at
     * once, {@link WaitPolicy#SPIN_THEN_PARK} (the default) yields the core a few times first.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     * @throws NullPointerException     when {@code kind} or {@code waitPolicy} is null
     */
    public SemaphorePool(int workers, ThreadKind kind, WaitPolicy waitPolicy) {
        super("a semaphore pool", workers, workers, kind, waitPolicy, FAMILY);
        this.slots = new TokenSemaphore(workers);
    }

    /**
     * Runs {@code batch} on a fresh pool and returns every result, in arrival order. The pool
     * is closed before this returns.
     *
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    public static <A, R> List<Result<R>> runBatch(int workers, ThreadKind kind, Context ctx,
                                                  Collection<? extends Job<A, R>> batch) throws InterruptedException {
        return runBatch(workers, kind, WaitPolicy.DEFAULT, ctx, batch);
    }

    /**
     * Runs {@code batch} on a fresh pool whose threads wait as {@code waitPolicy} says, and
     * returns every result, in arrival order. The pool is closed before this returns.
     *
     * <pre>{@code
     * var results = SemaphorePool.runBatch(2, ThreadKind.PLATFORM, WaitPolicy.PARK,
     *         Context.background(), Jobs.doubling(10));
     * }</pre>
     *
     * @throws NullPointerException when {@code waitPolicy} is null
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    public static <A, R> List<Result<R>> runBatch(int workers, ThreadKind kind, WaitPolicy waitPolicy, Context ctx,
                                                  Collection<? extends Job<A, R>> batch) throws InterruptedException {
        return runOnce(new SemaphorePool<>(workers, kind, waitPolicy), ctx, batch);
    }

    /** How many threads started by any semaphore pool are still running. Zero when every pool is closed. */
    public static int liveThreads() {
        return FAMILY.liveThreads();
    }

    /**
     * Starts the coordinator, which starts the workers and closes the results stream once
     * every worker has released its slot. Returns at once; read with {@link #results()}.
     *
     * @throws NullPointerException  when {@code ctx} is null
     * @throws IllegalStateException when the pool is closed or already running
     */
    @Override
    public void run(Context ctx) {
        start(ctx, context -> startThread(name() + "-coordinator", () -> coordinate(context)));
    }

    /** Worker slots in use right now: workers that have started and not yet exited. */
    public int slotsInUse() {
        return slots.inUse();
    }

    @Override
    public String toString() {
        return "SemaphorePool[" + name() + ", " + workers() + " " + kind().name().toLowerCase(Locale.ROOT)
                + " workers, " + state() + ", " + slots + "]";
    }

    /**
     * The coordinator. Plan:
     * 1. For each worker: take a slot, then start the worker (it owns the slot from then on
     *    and gives it back as the last thing it does).
     * 2. Wait until every slot has been given back: all workers have exited, so every result
     *    is in the stream.
     * 3. Close the results stream, then the semaphore.
     */
    private void coordinate(Context ctx) {
        for (int i = 0; i < workers(); i++) {
            Uninterruptibly.run(slots::acquire);
            try {
                startWorker(i, ctx, slots::release);
            } catch (RuntimeException | Error e) {
                slots.release(); // the worker never started, so it cannot give its slot back
                ctx.cancel();    // the others stop; the stream still closes below
                break;
            }
        }
        Uninterruptibly.run(slots::awaitAll);
        finish();
    }

    /** Closes the results stream, then the semaphore. Later calls do nothing. */
    @Override
    protected void finish() {
        closeResults();
        slots.close();
    }
}
